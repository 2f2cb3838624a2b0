/**
 * Prints one part of the page alone: the print CSS hides everything else while `bodyClass` is on
 * the body (`nw-printing-certificate`, `nw-printing-sheet`), and the class goes when printing ends.
 */
export function printAlone(bodyClass: string): void {
  document.body.classList.add(bodyClass);
  const done = () => {
    document.body.classList.remove(bodyClass);
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}
