// Making Data Count colours and point shapes for XmR charts. The colours are
// those of NHSRplotthedots' ptd_spc_colours() (nhs-r-community/NHSRplotthedots,
// R/ptd_spc_colours.R), which follow the MDC tools: grey common cause, blue
// improvement, orange concern, purple neutral special cause. Each signal also has
// its own shape, so colour is never the only carrier of meaning.

export type Signal = 'none' | 'improvement' | 'concern' | 'neutral';
export type Rule = 'outside' | 'shift' | 'trend';

export const SIGNALS: readonly Signal[] = ['none', 'improvement', 'concern', 'neutral'];

export const MDC = {
  common: '#a6a6a6',
  improvement: '#00b0f0',
  concern: '#e46c0a',
  neutral: '#490092',
  mean: '#000000',
  limit: '#a6a6a6',
} as const;

export const SIGNAL_COLOUR: Record<Signal, string> = {
  none: MDC.common,
  improvement: MDC.improvement,
  concern: MDC.concern,
  neutral: MDC.neutral,
};

/** Plot symbol names: circle for common cause, a distinct shape for each special cause. */
export const SIGNAL_SYMBOL: Record<Signal, string> = {
  none: 'circle',
  improvement: 'triangle',
  concern: 'square',
  neutral: 'diamond',
};

export const SIGNAL_LABEL: Record<Signal, string> = {
  none: 'Common cause',
  improvement: 'Special cause: improvement',
  concern: 'Special cause: concern',
  neutral: 'Special cause: neither better nor worse',
};

export const RULE_LABEL: Record<Rule, string> = {
  outside: 'beyond a process limit',
  shift: 'shift: 7 or more points on one side of the mean',
  trend: 'trend: 7 or more points rising or falling',
};
