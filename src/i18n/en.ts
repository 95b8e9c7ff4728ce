/**
 * English messages. Every user-facing string of reglab has a key here and the same key in zh.ts
 * (the type of zh.ts enforces it). Placeholders are {name}; the caller fills them.
 */
export const en = {
  // ── The program ───────────────────────────────────────────────────────────
  "program.description":
    "Why regularization works, measured: the sigmoid unit, its chain rule and weight penalties.",
  "help.usage": "Usage",
  "help.commands": "Commands",
  "help.options": "Options",
  "help.arguments": "Arguments",
  "help.examples": "Examples",
  "help.default": "default",
  "help.moreHelp": "Run 'reglab <command> --help' for the options of a command.",
  "option.help": "show this help and exit",
  "option.version": "print the version and exit",
  "option.lang": "language of messages, tables and figures: en or zh (default: from LANG)",
  "option.json": "print the results as one JSON document on stdout (nothing else on stdout)",
  "option.out": "folder to write figures into (created if missing; only files inside it are written)",
  "option.debug": "show the stack trace of unexpected errors",
  "option.seed": "seed of every random choice (an integer)",
  "option.saturation": "σ'(z) below this counts as saturated (0 < t ≤ 0.25)",

  // ── sigmoid ───────────────────────────────────────────────────────────────
  "sigmoid.description": "Draw σ(mx + c) for slopes m (the article's plot_sigmoid) and measure saturation.",
  "sigmoid.argument.m": "slopes m to draw (default: the article's 0.001 0.0005 0.0002 0.0001)",
  "sigmoid.option.xMin": "left end of the x range",
  "sigmoid.option.xMax": "right end of the x range",
  "sigmoid.option.points": "number of evenly spaced x points, both ends included",
  "sigmoid.option.c": "bias c",
  "sigmoid.example.default": "the article's four figures, in reglab-out/",
  "sigmoid.example.custom": "two slopes, a narrower range, Chinese labels",
  "sigmoid.table.zRange": "z range",
  "sigmoid.table.saturatedShare": "saturated share",
  "sigmoid.table.maxSlope": "max dy/dx",
  "sigmoid.table.standardizedM": "m on standardized x",
  "sigmoid.summary": "A point is saturated when σ'(z) < {threshold}, i.e. |z| > {cutoff}.",

  // ── descend ───────────────────────────────────────────────────────────────
  "descend.description":
    "Train the unit by gradient descent from small to large weights: measure stalls and overshoots (claims C2, C3).",
  "descend.option.initialWeights": "initial weights m0, comma-separated (c0 = 0)",
  "descend.option.learningRates": "learning rates η, comma-separated",
  "descend.option.l2": "L2 strengths λ, comma-separated (0 = no penalty)",
  "descend.option.steps": "gradient-descent steps per run",
  "descend.option.target": "data loss that counts as learned",
  "descend.option.samples": "number of training samples",
  "descend.option.teacherM": "teacher's weight m*",
  "descend.option.teacherC": "teacher's bias c*",
  "descend.option.inputScale": "standard deviation of the inputs x",
  "descend.option.noise": "standard deviation of the noise on the targets",
  "descend.example.default": "the default sweep: m0 0.1…100, η 0.1…1000, λ 0 and 0.001",
  "descend.example.custom": "one learning rate, three penalties, as JSON",
  "descend.table.l2": "λ",
  "descend.table.learningRate": "η",
  "descend.table.initialM": "m0",
  "descend.table.meanDydz": "mean σ' at start",
  "descend.table.saturated": "saturated at start",
  "descend.table.stepsToTarget": "steps to target",
  "descend.table.stalled": "stalled steps",
  "descend.table.rises": "loss rises",
  "descend.table.finalLoss": "final loss",
  "descend.table.outcome": "outcome",
  "descend.outcome.reached": "reached",
  "descend.outcome.stalled": "stalled",
  "descend.outcome.oscillating": "oscillating",
  "descend.outcome.diverged": "diverged",
  "descend.never": "never",
  "descend.summary":
    "Teacher σ({teacherM}·x {teacherC}), {samples} samples, seed {seed}; target: loss ≤ {target} within {steps} steps.",

  // ── article ───────────────────────────────────────────────────────────────
  "article.description": "Reproduce every figure and claim of the article; write index.html and claims.json.",
  "article.example.default": "the report in reglab-out/index.html",
  "article.written": "Report written to {path}",
  "article.claimsWritten": "Claims written to {path}",
  "article.open": "Open it in a browser: {url}",

  // ── figures ───────────────────────────────────────────────────────────────
  "figure.sigmoid.title": "σ(mx + c) for m = {m}",
  "figure.sigmoid.subtitle": "saturated (σ' < {threshold}): {share} of the x range, shaded",
  "figure.sigmoidAll.title": "σ(mx + c) for the article's slopes",
  "figure.sigmoidAll.subtitle": "the larger m, the steeper the curve and the wider the flat, saturated tails",
  "figure.axis.x": "x (input)",
  "figure.axis.y": "y = σ(mx + c)",
  "figure.axis.dydz": "σ'(z) (chain-rule factor ∂y/∂z)",
  "figure.axis.z": "z = mx + c",
  "figure.legend.m": "slope m",
  "figure.scale.title": "What saturates is z = mx, not m",
  "figure.scale.subtitle": "all four curves are the same σ(z); each covers the z range its mx reaches",
  "figure.loss.title": "Loss during gradient descent, by initial weight m0",
  "figure.loss.subtitle": "columns: learning rate η; rows: L2 strength λ; log scale",
  "figure.axis.step": "step",
  "figure.axis.loss": "loss E (log scale)",
  "figure.outcomes.title": "Which (m0, η) learn cleanly",
  "figure.outcomes.subtitle": "cell: steps to reach the target; colour: outcome",
  "figure.axis.learningRate": "learning rate η",
  "figure.axis.initialM": "initial weight m0",

  // ── report ────────────────────────────────────────────────────────────────
  "report.title": "Why we should always consider regularization — measured",
  "report.intro":
    "Each claim of the article, reproduced by reglab as a figure and a measured number. All numbers come from one run (seed {seed}); run 'reglab article' to reproduce them.",
  "report.holds": "holds",
  "report.fails": "does not hold here",
  "report.measured": "Measured",
  "report.languageSwitch": "中文",
  "report.scale.heading": "Scale matters",
  "report.scale.text":
    "What saturates is z = mx + c. The article's slopes look steep only because x runs to ±{xMax}: on standardized inputs (x divided by its standard deviation {sd}) the same four units have slopes {slopes}. Standardize inputs, and a weight's size means the same thing for every feature.",
  "report.setup.heading": "The unit",
  "report.setup.text":
    "y = σ(mx + c), squared error E = ½(y − t)², gradient descent w ← w − η·∂E/∂w with ∂E/∂m = (y − t)·σ'(z)·x: the middle factor σ'(z) is what vanishes when |z| is large.",
  "report.footer": "Generated by reglab {version}. Figures are also in this folder as SVG and PNG.",
  "claim.C1.title": "C1 · A large weight makes the sigmoid steep and saturated",
  "claim.C1.measured":
    "On x ∈ [{xMin}, {xMax}], σ'(z) < 0.01 on {shareLarge} of the points for m = {mLarge}, but on {shareSmall} for m = {mSmall}; the steepest slope falls from {slopeLarge} to {slopeSmall}.",
  "claim.C1.explain":
    "σ'(z) falls below 1% of the signal once |z| > {cutoff}. A large m pushes most inputs there, where the curve is flat; a small m keeps them on the gradual middle part.",
  "claim.C2.title": "C2 · Where σ' ≈ 0, the gradient vanishes and training stalls",
  "claim.C2.measured":
    "At η = {eta}: from m0 = {smallM} (mean σ' = {smallDydz}) the loss reaches the target in {smallSteps} steps; from m0 = {largeM} (mean σ' = {largeDydz}) it takes {largeSteps} steps: {stalled} of the {steps} steps stalled, and m ends at {finalM}. With L2 λ = {l2}, the same start reaches it in {l2Steps} steps.",
  "claim.C2.explain":
    "∂E/∂m = (y − t)·σ'(z)·x: however wrong the output, a saturated unit passes back almost nothing. The L2 term adds λ·m to the gradient, which does not vanish, so it pulls the weight back to where learning works.",
  "claim.C3.title": "C3 · …or it jumps past the minimum",
  "claim.C3.measured":
    "Learning rates tried: {rates}. From m0 = {smallM}, these reach the target with the loss never rising: {smallClean}. From m0 = {largeM}: {largeClean} — at {stalledRates} it stalls, at {overshootRates} it jumps past the minimum (the loss rising in {rises} steps). With L2 λ = {l2}, from m0 = {largeM}: {l2Clean}.",
  "claim.C3.explain":
    "A steep unit's gradient is ≈ 0 on the plateau and large near the step: a learning rate big enough to move on the plateau is too big at the step, and the update jumps past the minimum. Keeping the weights small keeps one learning rate good everywhere.",
  "list.none": "none",
  "list.never": "more than {steps}",

  // ── messages and errors ───────────────────────────────────────────────────
  "message.wrote": "wrote {path}",
  "error.prefix": "reglab: error:",
  "error.hint": "Run '{command} --help' for usage.",
  "error.unknownOption": "unknown option '{option}'.",
  "error.unknownCommand": "unknown command '{command}'. Commands: {commands}.",
  "error.missingValue": "option '{option}' needs a value.",
  "error.tooManyArguments": "command '{command}' takes no arguments, but got '{argument}'.",
  "error.notANumber": "{what} must be a number, but got '{value}'.",
  "error.notFinite": "{what} must be a finite number, but got '{value}'.",
  "error.notInteger": "{what} must be a whole number ≥ {min}, but got '{value}'.",
  "error.notPositive": "{what} must be greater than 0, but got '{value}'.",
  "error.notNonNegative": "{what} must be 0 or more, but got '{value}'.",
  "error.outOfRange": "{what} must be between {min} and {max}, but got '{value}'.",
  "error.outOfRangeExclusive": "{what} must be greater than {min} and at most {max}, but got '{value}'.",
  "error.rangeOrder": "--x-min ({min}) must be smaller than --x-max ({max}).",
  "error.badChoice": "{what} must be one of {choices}, but got '{value}'.",
  "error.emptyList": "{what} needs at least one value.",
  "error.tooLarge": "{what} is too large ({value}); at most {max} is allowed, to keep the run within memory.",
  "error.outNotWritable":
    "cannot write into the output folder '{path}': {reason}. Choose a folder you can write to with --out.",
  "error.outIsFile": "the output path '{path}' is a file, not a folder. Choose a folder with --out.",
  "error.internal":
    "an unexpected error happened: {message}. Run again with --debug to see where, and report it.",
  "what.m": "slope m",
  "what.option": "option {option}",
} as const;

export type MessageKey = keyof typeof en;
