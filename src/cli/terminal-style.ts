import type { Severity } from '../core/findings.js';
import { PLAIN_STYLE, type TextStyle } from '../core/report/render-text.js';

const SEVERITY_COLOR: Record<Severity, number> = { error: 31, warning: 33, notice: 36 };
const paint = (code: number, text: string) => `\u001b[${code}m${text}\u001b[0m`;

export const ANSI_STYLE: TextStyle = {
  severity: (severity, text) => paint(SEVERITY_COLOR[severity], text),
  dim: (text) => paint(2, text),
  bold: (text) => paint(1, text),
};

export function chooseStyle(color: 'on' | 'off' | 'auto', isTty: boolean): TextStyle {
  return color === 'on' || (color === 'auto' && isTty) ? ANSI_STYLE : PLAIN_STYLE;
}
