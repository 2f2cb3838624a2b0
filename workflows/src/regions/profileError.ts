/** A region profile that cannot be used, with every problem found (path + zh/en message). */
export interface ProfileIssue {
  path: string;
  message: string;
  messageZh: string;
}

export class RegionProfileError extends Error {
  readonly messageZh: string;
  constructor(
    readonly region: string,
    readonly issues: readonly ProfileIssue[],
  ) {
    const first = issues[0];
    super(`region profile ${region} is invalid (${issues.length} problem(s)); first: ${first?.path} ${first?.message}`);
    this.messageZh = `地区配置 ${region} 无效（${issues.length} 处问题）；首个：${first?.path} ${first?.messageZh}`;
    this.name = 'RegionProfileError';
  }
}
