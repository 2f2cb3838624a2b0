/**
 * A signature: drawn on a canvas with pointer or touch (value: PNG data URL), or — for keyboard
 * users (WCAG 2.5.7: every drag has a non-drag alternative) — the signer's name typed and rendered
 * into the same image.
 */
import { useEffect, useRef } from 'react';
import { say } from '../text.js';
import type { WidgetProps } from './types.js';

const WIDTH = 360;
const HEIGHT = 120;

export function SignatureWidget(props: WidgetProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const value = typeof props.value === 'string' ? props.value : undefined;

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || !canvas.current) return;
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    if (!value) return;
    const image = new Image();
    image.onload = () => ctx.drawImage(image, 0, 0);
    image.src = value;
  }, [value]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - rect.left) * WIDTH) / rect.width, ((e.clientY - rect.top) * HEIGHT) / rect.height] as const;
  };
  const commit = () => props.onChange(canvas.current?.toDataURL('image/png'));
  const typed = (name: string) => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    if (name.trim() === '') return props.onChange(undefined);
    ctx.font = '40px "KaiTi", "STKaiti", serif';
    ctx.fillStyle = '#111';
    ctx.fillText(name, 16, 76);
    commit();
  };

  if (props.readOnly) {
    return value ? <img id={props.id} src={value} alt={say('signed', props.locale)} width={WIDTH / 2} height={HEIGHT / 2} /> : <span id={props.id}>—</span>;
  }
  return (
    <div className="ng-signature">
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        aria-label={say('signHere', props.locale)}
        role="img"
        onPointerDown={(e) => {
          drawing.current = true;
          const ctx = e.currentTarget.getContext('2d')!;
          ctx.beginPath();
          ctx.moveTo(...point(e));
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const ctx = e.currentTarget.getContext('2d')!;
          ctx.lineWidth = 2;
          ctx.lineTo(...point(e));
          ctx.stroke();
        }}
        onPointerUp={() => {
          drawing.current = false;
          commit();
        }}
      />
      <label>
        <span className="ng-sublabel">{say('typedName', props.locale)}</span>
        <input type="text" id={props.id} aria-describedby={props.describedBy} aria-invalid={props.invalid || undefined} aria-required={props.required || undefined} onBlur={props.onBlur} onChange={(e) => typed(e.target.value)} />
      </label>
      <button type="button" onClick={() => typed('')}>
        {say('clear', props.locale)}
      </button>
    </div>
  );
}
