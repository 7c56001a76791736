// Stand-in for WeChat's msgSecCheck on this machine: text containing one of these
// words is judged "risky". Enough to exercise the rejection path end to end.
export const CONTENT_BLOCKLIST = ['赌博', '色情', '诈骗', '代开发票', '违禁词'];
