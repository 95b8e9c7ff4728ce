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
  "option.saturationShare": "a unit counts as saturated when a'(z) is below this share of its peak",

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

  // ── train ─────────────────────────────────────────────────────────────────
  "train.description":
    "Train a small neural network with weight decay and watch it from inside, epoch by epoch.",
  "train.argument.file": "a CSV file (header row; target column y, or the last one)",
  "train.option.dataset": "a built-in 2-D data set instead of a file",
  "train.option.hidden": "hidden layer widths, comma-separated",
  "train.option.activation": "hidden activation",
  "train.option.loss": "loss: squared (the article's) or log",
  "train.option.optimizer": "optimizer",
  "train.option.lr": "learning rate η",
  "train.option.epochs": "training epochs",
  "train.option.batch": "rows per mini-batch (0 = full batch)",
  "train.option.l2": "L2 weight decay λ",
  "train.option.l1": "L1 penalty λ",
  "train.option.dropout": "dropout probability of hidden units",
  "train.option.earlyStop": "early-stopping patience in epochs (0 = off)",
  "train.option.maxNorm": "max-norm constraint on each unit's incoming weights (0 = off)",
  "train.option.init": "weight initializer",
  "train.option.initScale": "multiplies the initial weights (> 1 starts large on purpose)",
  "train.option.samples": "points of the 2-D data set",
  "train.option.noise": "noise of the 2-D data set (standard deviation)",
  "train.option.trainRatio": "share of rows used for training (the rest is the test set)",
  "train.option.target": "target column of the CSV file (default y, else the last)",
  "train.option.na": "empty cells: error, or drop the rows",
  "train.option.quiet": "no progress bar",
  "train.example.spiral": "a 2-8-8-1 tanh network on the spiral",
  "train.example.file": "breast cancer data with L2 and early stopping",
  "train.needsData": "give a CSV file or --dataset.",
  "train.summary":
    "{data}: {train} training rows, {test} test rows; {task}; network {sizes}, {activation}, {loss} loss, {optimizer} η = {lr}; seed {seed}.",
  "train.task.classification": "{classes}-class classification",
  "train.task.regression": "regression",
  "train.final":
    "Epoch {epoch}: train loss {trainLoss}, test loss {testLoss}, gap {gap}; train accuracy {trainAccuracy}, test accuracy {testAccuracy}.",
  "train.stoppedEarly": "Stopped early; the weights of epoch {epoch} (best validation loss) are kept.",
  "train.diverged":
    "Training diverged at epoch {epoch}: the loss or a weight is no longer finite. The largest chain-rule factor was {factor} in layer {layer}. Try a smaller learning rate, a larger λ, or smaller initial weights.",
  "train.table.layer": "layer",
  "train.table.units": "units",
  "train.table.saturated": "saturated",
  "train.table.dEda": "|∂E/∂a|",
  "train.table.dadz": "∂a/∂z",
  "train.table.dzdW": "|∂z/∂W|",
  "train.table.gradientNorm": "‖∂E/∂W‖",
  "train.table.weightNorm": "‖W‖",
  "train.table.weightMax": "max |w|",
  "train.sensitivity":
    "Input sensitivity (ε = {epsilon}): {sensitivity} on the outputs, {logit} on the logits; Lipschitz bound {lipschitz}.",
  "train.progress": "training",

  // ── experiment ────────────────────────────────────────────────────────────
  "experiment.description":
    "Sweep λ or the initial weight scale and report the table behind claims C4 and C5.",
  "experiment.argument.kind": "overfit, saturation or sensitivity",
  "experiment.option.lambdas": "λ values of the sweep, comma-separated",
  "experiment.option.scales": "initial weight scales of the saturation sweep, comma-separated",
  "experiment.example.overfit": "train/test gap against λ on the spiral",
  "experiment.example.file": "sensitivity against λ on a CSV file",
  "experiment.badKind": "the experiment must be overfit, saturation or sensitivity, but got '{kind}'.",
  "experiment.table.lambda": "λ",
  "experiment.table.initScale": "init scale",
  "experiment.table.trainLoss": "train loss",
  "experiment.table.testLoss": "test loss",
  "experiment.table.testAccuracy": "test acc.",
  "experiment.table.gap": "gap",
  "experiment.table.weightNorm": "‖W‖",
  "experiment.table.saturated": "saturated",
  "experiment.table.initialSaturated": "saturated at start",
  "experiment.table.gradientNorm": "‖∂E/∂W‖",
  "experiment.table.sensitivity": "sensitivity",
  "experiment.table.lipschitz": "Lipschitz bound",

  // ── figures of networks ───────────────────────────────────────────────────
  "figure.training.title": "Training, epoch by epoch",
  "figure.training.subtitle": "loss on training and test rows; saturation and gradient norm of each layer",
  "figure.axis.epoch": "epoch",
  "figure.axis.lossLog": "loss (log scale)",
  "figure.axis.saturated": "saturated share",
  "figure.axis.gradientNorm": "‖∂E/∂W‖ (log scale)",
  "figure.series.train": "train",
  "figure.series.test": "test",
  "figure.series.layer": "layer {layer}",
  "figure.boundary.title": "Decision boundary",
  "figure.boundary.subtitle":
    "colour: predicted probability of class 1; filled dots: training rows, rings: test rows",
  "figure.sweep.title": "{what} against λ",
  "figure.sweep.titleScale": "{what} against the initial weight scale",
  "figure.sweep.subtitle": "{data}; each point is one network trained from the same seed",
  "figure.axis.lambda": "L2 strength λ",
  "figure.axis.initScale": "initial weight scale",

  // ── claims C4, C5 ─────────────────────────────────────────────────────────
  "claim.C4.title": "C4 · Large weights make a model unstable; L2 steadies it",
  "claim.C4.measured":
    "On {data}, as λ goes from 0 to {lambdaHigh}, the weight norm falls from {normLow} to {normHigh}, the input sensitivity from {sensLow} to {sensHigh} and the Lipschitz bound from {lipLow} to {lipHigh}; rank correlation of weight norm and sensitivity: {correlation}. On {realData}: Lipschitz bound {realLipLow} → {realLipHigh}, sensitivity {realSensLow} → {realSensHigh}.",
  "claim.C4.explain":
    "A network's output can change at most as fast as the product of its layers' weight norms allows: large weights let a small nudge of the inputs move the output a lot. L2 keeps those norms, and with them the bound, small.",
  "claim.C5.title": "C5 · Large weights overfit; a suitable λ narrows the train/test gap",
  "claim.C5.measured":
    "On {data}: without L2, train loss {trainLow} but test loss {testLow} (gap {gapLow}); with λ = {bestLambda}, train loss {trainBest} and test loss {testBest} (gap {gapBest}). On {realData}: gap {realGapLow} → {realGapBest} at λ = {realBestLambda}, test loss {realTestLow} → {realTestBest}.",
  "claim.C5.explain":
    "Without a penalty the network spends its weights on fitting the training rows' noise; the penalty makes every unit of weight pay for itself, so what is learned carries over to rows it has not seen.",

  // ── path, cv, predict ─────────────────────────────────────────────────────
  "path.description":
    "Fit an elastic-net GLM along its regularization path (as glmnet) and draw the coefficients.",
  "path.argument.file":
    "a CSV file (header row; target column y, or the last one), a Parquet table (a .parquet file, a folder of them or a glob), an Arrow IPC file (.arrow, .feather, .arrows, .ipc), or a sparse design: an svmlight file (.svm, .svmlight, .libsvm) or a Matrix Market file (.mtx, with --response)",
  "path.option.family":
    "gaussian (a number to predict), binomial (two classes), poisson (counts), cox (survival times: --target TIME,STATUS), multinomial (three or more classes) or mgaussian (several numbers at once: --target Y1,Y2,…)",
  "path.option.alpha": "elastic-net mix α: 1 = lasso, 0 = ridge",
  "path.option.nlambda": "number of λ values",
  "path.option.lambdaMinRatio": "smallest λ as a share of the largest (default 1e-4 if n > p, else 1e-2)",
  "path.option.lambda": "a file of λ values to use instead (one per line)",
  "path.option.noStandardize": "do not standardize the features",
  "path.option.noIntercept": "fit no intercept",
  "path.option.save": "save the fitted model as JSON to this file (for reglab predict)",
  "path.example.lasso": "the lasso path of the diabetes data",
  "path.example.binomial": "elastic net for two classes, as JSON",
  "path.summary": "{family}, α = {alpha}, {n} rows, {p} features; {count} λ values; fitted in {seconds} s.",
  "path.certificateNote":
    "Every λ solved to a certificate ≤ {tolerance} (largest {largest}). glmnet's default rule stops earlier, its certificate typically 1e-5 to 1e-3 (see --tolerance).",
  "path.table.df": "Df",
  "path.table.devRatio": "%Dev",
  "path.table.lambda": "Lambda",
  "path.notBinary":
    "{file}: the binomial family needs a target with two classes, but '{target}' has {count} different values. Use --family gaussian for a numeric target.",
  "path.notClasses":
    "{file}: the multinomial family needs a target of class labels (2 to {max} different values), but '{target}' has {count}. Use --family gaussian for a numeric target.",
  "path.badLambdaFile":
    "{file}, row {row}: '{value}' is not a positive number of at least 2.2e-308. Put one λ > 0 per line.",
  "path.notConverged":
    "warning: at {count} λ values the solver stopped before its certificate was met (largest {certificate}).",
  "cv.description":
    "Cross-validate the path: λ.min and λ.1se exactly as glmnet defines them, and the CV curve.",
  "cv.option.folds": "number of folds K",
  "cv.option.foldRule": "random (seeded) or mod (row i, 0-based, goes to fold (i mod K) + 1)",
  "cv.option.foldid": "a file with each row's fold (1 … K), one per line",
  "cv.option.measure": "what to score on held-out rows",
  "cv.example.mod": "10-fold CV with the mod rule, as with glmnet's foldid",
  "cv.example.auc": "AUC for two classes",
  "cv.result":
    "λ.min = {min} (CV {measure} {minError} ± {minSd}); λ.1se = {oneSe} (CV {measure} {oneSeError} ± {oneSeSd}).",
  "cv.badFoldFile":
    "{file}, row {row}: '{value}' is not a fold number (a whole number from 1 to {folds}). Put one fold per data row.",
  "cv.foldCount": "{file} has {found} fold ids, but the data have {expected} rows. Give one per row.",
  "cv.progress": "folds",
  "predict.description": "Predict with a model saved by reglab path --save or reglab cv --save.",
  "predict.argument.files": "MODEL.json and a CSV file with the same feature columns",
  "predict.option.s": "λ at which to predict (default λ.1se of a CV model, else the smallest λ)",
  "predict.option.type": "link (η), response (value or probability) or class",
  "predict.example": "probabilities of class 1 at λ.1se",
  "predict.needsFiles": "give the model file and a data file: reglab predict MODEL.json FILE.",
  "predict.badModel": "{file} is not a reglab model (saved with reglab path --save or reglab cv --save).",
  "predict.missingFeature": "{file} has no column '{name}', which the model was fitted with.",
  "measure.deviance": "deviance",
  "measure.mse": "mean squared error",
  "measure.mae": "mean absolute error",
  "measure.class": "misclassification error",
  "measure.auc": "AUC",
  "measure.C": "C-index (Harrell's concordance)",
  "figure.path.title": "Coefficient path ({family}, α = {alpha})",
  "figure.path.subtitle": "each line a feature's coefficient on its original scale; λ falls to the right",
  "figure.path.logLambda": "λ (log scale)",
  "figure.path.classCoefficient": "coefficient, class {label}",
  "figure.path.coefficient": "coefficient",
  "figure.cv.title": "{folds}-fold cross-validation",
  "figure.cv.subtitle": "mean ± 1 standard error over the folds; dashed: λ.min = {min} and λ.1se = {oneSe}",

  // ── data ──────────────────────────────────────────────────────────────────
  "data.notFound": "{file}: no such file. Check the path.",
  "data.unreadable": "{file}: cannot be read ({reason}). Check the path and its permissions.",
  "data.empty": "{file} is empty: it needs a header row and at least one data row.",
  "data.noRows": "{file} has a header but no data rows.",
  "data.duplicateColumn":
    "{file}: column {column} ('{name}') has the same name as column {first}. Give every column its own name.",
  "data.noTarget":
    "{file}: there is no column '{target}'. Columns: {columns}. Choose the target with --target.",
  "data.noFeatures":
    "{file}: besides the target '{target}' there is no feature column. reglab reads comma-separated files: if the cells are separated by ';' or tabs, save the file with commas.",
  "data.ragged":
    "{file}, row {row}: {found} cells, but the header has {expected}. Check for a missing or extra comma.",
  "data.emptyCell":
    "{file}, row {row}, column {column} ('{name}'): the cell is empty. Fill it, or pass --na drop to drop such rows.",
  "data.notNumeric":
    "{file}, row {row}, column {column} ('{name}'): '{value}' is not a number. Use numbers with a '.' decimal point, or remove the row.",
  "data.infinite":
    "{file}, row {row}, column {column} ('{name}'): '{value}' is infinite. Replace it with a finite number, or remove the row.",
  "data.allDropped": "{file}: all rows have empty cells ({dropped} dropped); no row is left.",
  "data.notClasses":
    "{file}: the log loss needs class labels 0, 1, …, 19 in the target '{target}' (at most 20 classes), but row {row} has '{value}'. For a numeric target, pass --loss squared (regression).",
  "data.tooFewRows":
    "{file}: {n} rows are too few to split into training and test data; at least {min} are needed.",
  "warning.dropped": "{file}: dropped {count} rows with empty cells (--na drop).",
  "warning.arrowNoEnd":
    "warning: {file} is an Arrow stream that ends without its end-of-stream marker: if it was cut short (a copy or a writer that stopped), rows are missing from it, and from this fit.",
  "warning.constant": "{file}: column '{name}' is constant; it carries no information and gets weight 0.",

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
  "csv.quoteNotClosed":
    "{file}, row {row}: a quoted cell is never closed. Check the quotes on that row: a quote inside a cell is written as two quotes.",
  "csv.badQuote":
    "{file}, row {row}: text follows a closing quote. Check the quotes on that row: a quote inside a cell is written as two quotes.",
  "csv.recordTooLarge":
    "{file}, row {row}: the row is too long to be a CSV record. Check that the file is a comma-separated table.",
  "csv.unreadable":
    "{file}, row {row}: the CSV cannot be read there. Check that row for stray quotes or separators.",
  "file.isDirectory": "{file} is a folder, not a file. Give the path of a CSV file.",
  "file.compressed":
    "{file} is a {format} archive, not a CSV text file. Unpack it first (e.g. 'gunzip {file}') and pass the CSV inside.",
  "file.utf16":
    "{file} is UTF-16 text; reglab reads UTF-8. Save it as 'CSV UTF-8' (or convert it with 'iconv -f UTF-16 -t UTF-8').",
  "file.binary":
    "{file} is a binary file (byte {offset} is not text), not a CSV. Pass a comma-separated text file.",
  "file.notUtf8": "{file}, row {row}: the text is not valid UTF-8. Save the file as UTF-8.",
  "file.tooLarge":
    "{file} has {size} bytes, more than the {limit} a file of this kind may have. Check that it is the file you meant.",
  "data.fileAndDataset": "both a file ('{file}') and --dataset {dataset} were given. Pass one of them.",
  "file.systemPath":
    "'{path}' is inside /proc, /sys or /dev; reglab writes nothing there. Choose an ordinary folder.",
  "file.targetIsFolder": "'{path}' is a folder. Give a file name to write to.",
  "file.isInput":
    "'{path}' is an input of this run; reglab never writes over its inputs, even with --force. Choose another name.",
  "file.exists":
    "'{path}' exists already. Pass --force to replace it, or choose another name or --out folder.",
  "file.appeared":
    "'{path}' appeared while reglab was working, and was left as it is. Pass --force to replace it, or choose another name.",
  "file.noFolder":
    "cannot write '{path}': the folder '{folder}' does not exist. Create it first, or choose another path.",
  "file.notWritable": "cannot write '{path}' ({reason}). Choose a path you can write to.",
  "option.force": "replace files of an earlier run (figures in --out, the --save file); never an input file",
  "file.emptyName": "{option} needs a file name, but got an empty one.",
  "error.extraFile":
    "this command reads one data file, but got a second one: '{file}'. Pass one file (join the tables first if you meant both).",
  "glm.needsData":
    "give a CSV file (path and cv fit real data; the 2-D sets of --dataset are for train and experiment).",
  "glm.tooFewRows": "{file}: {n} row is too few for a regularization path; at least 2 are needed.",
  "glm.constantTarget":
    "{file}: every value of the target '{target}' is {value}: there is nothing to explain (the deviance ratio would be 0/0). Check the target column (--target).",
  "glm.zeroTarget":
    "{file}: every value of the target '{target}' is 0, and without an intercept there is nothing to explain. Check the target column (--target).",
  "glm.extremeUnstandardized":
    "{file}: column '{name}' has values of size {size}; without standardization its squares leave the range of double precision. Drop --no-standardize, or rescale the column.",
  "cv.moreFoldsThanRows":
    "{file}: {folds} folds for {n} rows; each fold needs at least one row. Use at most {n} folds (10 is usual).",
  "cv.tooFewFolds":
    "{file}: the rows fall into {folds} fold(s); cross-validation needs at least 3 (as cv.glmnet). Use --folds 3 or more, or fold ids 1…K with K ≥ 3.",
  "cv.foldGap":
    "{file}: fold ids go up to {folds}, but no row is in fold {fold}. Number the folds 1, 2, …, K without gaps.",
  "cv.foldHoldsClass":
    "{file}: all {count} rows of class {label} are in fold {fold}, so the model fitted without that fold never sees the class. Use fewer folds, or fold ids that spread the class.",
  "cv.aucOneClass":
    "{file}: fold {fold} has no row of class {label}, and AUC needs both classes in every fold. Use fewer folds, or --measure deviance.",
  "cv.measureFamily":
    "--measure {measure} has no meaning for the {family} family: auc is for binomial, class for binomial and multinomial, C for cox, and a cox model takes deviance or C only. Choose another --measure (deviance suits every family).",
  "cv.notFinite":
    "{file}: the cross-validated error at λ = {lambda} cannot be computed (it is not finite). Check the data for extreme values, or use fewer folds.",
  "cv.foldsAndFoldid":
    "--folds and --foldid both say how to split the rows. Pass one of them: with --foldid the folds are the ids in the file.",
  "error.needsMemory":
    "{what} needs about {need} of memory, more than reglab's budget of {budget} (a quarter of this machine's). Choose a smaller value.",
  "file.needsMemory":
    "{file}: about {rows} rows × {columns} columns need about {need} of memory as numbers, more than reglab's budget of {budget} (a quarter of this machine's). Use a sample of the rows, or fewer columns.",
  "error.emptyListItem":
    "{what} has an empty item in '{value}'. Write the values separated by single commas, e.g. 8,8.",
  "predict.option.na":
    "rows with empty cells: error (default), drop them, or keep them with an empty prediction (null in --json) in their place",
  "model.unknownFamily":
    "{file}: the model's family '{family}' is not one reglab predicts with (gaussian, binomial, poisson, cox, multinomial). Save the model again with reglab path --save or cv --save.",
  "model.missingField":
    "{file}: the model has no field '{field}'. Save the model again with reglab path --save or cv --save.",
  "model.badShape":
    "{file}: the model's field '{field}' has {found} entries, but {expected} are needed (one per λ, feature or class). Save the model again with reglab path --save or cv --save.",
  "sigmoid.overflow":
    "with m = {m} on x from {min} to {max}, z = m·x passes the largest double (about 1.8e308), so z and σ'(z) cannot be computed there. Narrow the x range (--x-min, --x-max) or choose a smaller slope.",
  "result.notFinite":
    "the result's '{field}' comes out as {value}, not a finite number: these inputs take it past the range of double precision. Rescale the inputs toward 1 (or, if they are ordinary, report it with the command you ran).",
  "glm.devianceOutOfRange":
    "the target's values are of size about {size}, so its deviances (which go as its square) are beyond the range of double precision and cannot be reported. Rescale the target by a power of ten that brings it near 1: the coefficients and λ scale with it, the deviance ratio does not change.",
  "path.emptyLambdaFile": "{file} holds no λ value. Write one positive number per line.",
  "warning.library": "warning from a library reglab uses (in its own words): {message}",
  "figure.boundary.thinned": "({shown} of {total} points drawn.)",
  "path.option.objective":
    "gaussian, α < 1: glmnet (its ridge part divided by sd(y): glmnet's model at the same λ) or as-written (½RSS/n + λ·penalty, scikit-learn's)",
  "path.asWrittenNote":
    "objective as written (--objective as-written): ½RSS/n + λ·penalty, as scikit-learn; glmnet's model at these λ differs (it divides the ridge part by sd(y)).",
  "path.option.weights":
    "a column of observation weights (≥ 0; the column is then no feature), as glmnet's weights",
  "path.option.columns":
    "the feature columns, by name in the order wanted: a,b,c (the file's other columns are not read, whatever they hold; the target and --weights are named apart)",
  "glm.columnsTaken": "--columns names '{column}', which {option} takes. Leave it out of --columns.",
  "glm.columnsRepeated": "--columns names '{column}' twice. Name each feature once.",
  "glm.columnsHasTarget":
    "{file}: --columns names '{column}', the target. Leave it out of --columns, or name another target with --target.",
  "path.option.exclude":
    "features kept out of every model, by name or 1-based position: a,b,3 (glmnet's exclude)",
  "path.option.penaltyFactor":
    "one factor per feature, as a list (1,0,2,inf) or a file of one per line: 0 = never penalized, inf = excluded; rescaled to sum to p, as glmnet's penalty.factor",
  "glm.noWeightsColumn": "{file}: there is no column '{name}' for --weights. Columns: {columns}.",
  "glm.badWeight": "{file}, row {row}: the weight in column '{name}' is {value}; weights must be 0 or more.",
  "glm.zeroWeights":
    "{file}: every weight in column '{name}' is 0, so no row counts. Give some rows a positive weight.",
  "glm.badExclude":
    "--exclude names '{item}', which is neither a feature nor a position from 1 to {p}. Features: {columns}.",
  "glm.badPenaltyFactor":
    "--penalty-factor has '{value}', which is not a number ≥ 0 (or inf to exclude a feature).",
  "glm.penaltyFactorCount":
    "--penalty-factor gives {found} factors, but there are {p} features: give one per feature, in the order of the columns.",
  "predict.classLabel": "class {label}",
  "predict.responseLabel": "response {label}",
  "predict.coefficient": "coefficient",
  "predict.intercept": "(Intercept)",
  "predict.noDataNeeded":
    "--type {type} shows the model itself and reads no data file; pass only MODEL.json.",
  "cv.option.foldLambda":
    "own: each fold on its own λ sequence, predicted at the full data's λ by interpolation (cv.glmnet's way); full: every fold on the full data's sequence",
  "file.writtenTwice": "'{path}' is a file this run writes already (a figure, say). Choose another name.",
  "file.notRegular":
    "{file} is not an ordinary file (a pipe, a device or a socket); reglab reads files it can read to their end. Save the data to a file first.",
  "descend.startNotFinite":
    "with these settings the loss or the penalty at the start is not a finite number (--l2 × m0² or --noise past 1e308). Choose smaller --l2, --initial-weights or --noise.",
  "model.rule.distinct":
    "{file}: the model's field '{field}' names something twice ({value}); its entries must differ. Save the model again with reglab path --save or cv --save.",
  "model.rule.decreasing":
    "{file}: the model's λ values must fall strictly from first to last, as a path's do ({value}). Save the model again with reglab path --save or cv --save.",
  "model.rule.value":
    "{file}: the model's field '{field}' holds {value}, a value reglab does not know there (the version is 1; the families gaussian, binomial, multinomial). Save the model again with reglab path --save or cv --save.",
  "model.rule.number":
    "{file}: the model's field '{field}' holds {value}, outside what it may be (finite; λ > 0; 0 ≤ α ≤ 1; at least one entry). Save the model again with reglab path --save or cv --save.",
  "model.rule.type":
    "{file}: the model's field '{field}' holds {value}, but a reglab model has a different kind of value there (a number, a list or a name). Save the model again with reglab path --save or cv --save.",
  "model.badJson":
    "{file} is not valid JSON (near character {position}). Save the model again with reglab path --save or cv --save.",
  "data.missingColumn": "{file} has no column '{name}', which is needed.",
  "data.tooSmall":
    "{file}, row {row}, column {column} ('{name}'): '{value}' is too small to be a double (below about 5e-324) and would be read as 0. Rescale the column, or write 0.",
  "error.repeatedOption": "{option} is given twice. Give it once, with the value you mean.",
  "error.ignoredOption":
    "{option} does nothing together with {other}, so it is refused rather than silently ignored. Remove one of them.",
  "error.emptyValue": "{option} needs a value, but got an empty one.",
  "glm.coefficientOutOfRange":
    "the coefficient of '{name}' is past the largest double (its column is in units too small, near 1e-308). Rescale that column.",
  "train.extremeValues":
    "{file}: column '{name}' holds values of size {size}; a network's sums of their squares are past the largest double. Rescale the column (or standardize it).",
  "sigmoid.duplicateSlope": "the slope {m} is given twice. Give each slope once.",
  "path.option.offset":
    "a column whose values are a known part of the linear predictor η of each row (glmnet's offset; for poisson counts the log of each row's exposure); it is then no feature, and predict reads the same column",
  "glm.offsetFamily":
    "--offset is for the gaussian, binomial and poisson families, not multinomial (glmnet takes a matrix of offsets there; reglab does not yet). Drop --offset, or choose another --family.",
  "glm.noOffsetColumn": "{file}: there is no column '{name}' for --offset. Columns: {columns}.",
  "glm.notZeroOne":
    "{file}, row {row}: the target '{target}' is {value}, but the binomial family models outcomes coded 0 and 1. Map the two classes to 0 and 1 (the command line does this), or choose another family.",
  "glm.negativeCount":
    "{file}, row {row}: the target '{target}' is {value}, but the poisson family models counts, which are 0 or more. Check the target column (--target), or choose another --family.",
  "glm.allZeroCounts":
    "{file}: every count in the target '{target}' is 0 (where the weights are positive): a poisson model has nothing to explain. Check the target column (--target).",
  "predict.classOfNumber":
    "--type class needs a classification model (binomial or multinomial); this model is {family}. Use --type response or link.",
  "predict.missingOffset":
    "{file}: the model was fitted with offsets from column '{name}', and this file has no such column. Add it (e.g. the log exposure of each row), or name another with --offset.",
  "predict.offsetWithoutModelOffset":
    "--offset: this model was fitted without offsets, so its predictions take none (glmnet ignores newoffset there too). Drop --offset.",
  "predict.option.offset":
    "the column of offsets for the rows (default: the column the model was fitted with)",
  "path.classLabels":
    "class labels, coded in their sorted order: {labels} (a binomial model's coefficients favour the last)",
  "path.option.lowerLimits":
    "a lower limit on the coefficients, ≤ 0: one for every feature, or one per feature as a list (-1,0,-inf) or a file; in the features' own units, as glmnet's lower.limits",
  "path.option.upperLimits":
    "an upper limit on the coefficients, ≥ 0: one for every feature, or one per feature as a list (1,inf,0) or a file; in the features' own units, as glmnet's upper.limits",
  "glm.badLowerLimit":
    "--lower-limits has '{value}', which is not a number ≤ 0 (or -inf for none): the path starts with every coefficient at 0, so a lower limit must allow 0, as glmnet's.",
  "glm.badUpperLimit":
    "--upper-limits has '{value}', which is not a number ≥ 0 (or inf for none): the path starts with every coefficient at 0, so an upper limit must allow 0, as glmnet's.",
  "glm.limitCount":
    "{option} gives {found} limits, but there are {p} features: give one for all, or one per feature in the order of the columns.",
  "glm.limitsFamily":
    "--lower-limits and --upper-limits are for the gaussian, binomial and poisson families, not multinomial (reglab does not yet bound per-class coefficients). Drop the limits, or choose another --family.",
  "cv.foldHoldsEvents":
    "{file}: all {count} events are in fold {fold}, so the model fitted without that fold has no event to learn from. Use fewer folds, or fold ids that spread the events.",
  "glm.coxTarget":
    "--target '{value}': the cox family needs two columns, the survival time and the event status (1 event, 0 censored), as --target TIME,STATUS.",
  "glm.coxColumns":
    "{file}: there is no column '{name}'. The cox family needs a survival time and an event status (1 event, 0 censored): name them with --target TIME,STATUS (default: time,status).",
  "glm.badTime":
    "{file}, row {row}: the survival time in column '{name}' is {value}; times must be greater than 0.",
  "glm.badStatus":
    "{file}, row {row}: the event status in column '{name}' is {value}; it must be 1 (an event) or 0 (censored).",
  "glm.noEvents":
    "{file}: the status column '{name}' has no event (no 1): a Cox model has nothing to learn. Check the column (--target TIME,STATUS).",
  "path.option.relax":
    "also fit the relaxed lasso (glmnet's relax = TRUE): each λ's model refitted without penalty; predict mixes the two with --gamma",
  "cv.option.gamma":
    "with --relax: the γ values to cross-validate, a list in [0, 1] (default 0,0.25,0.5,0.75,1; 1, the lasso, is always added)",
  "cv.gammaWithoutRelax":
    "--gamma chooses among relaxed-lasso fits, which only --relax makes. Add --relax, or drop --gamma.",
  "cv.badGamma": "--gamma has '{value}', which is not a number between 0 and 1.",
  "cv.relaxedResult":
    "relaxed lasso: λ.min = {min} with γ = {gammaMin}; λ.1se = {oneSe} with γ = {gammaOneSe} (γ = 1 is the lasso, 0 the unpenalized refit).",
  "glm.relaxFamily":
    "--relax is for the gaussian, binomial, poisson and cox families, not multinomial (reglab does not yet refit per-class models). Drop --relax, or choose another --family.",
  "predict.option.gamma":
    "for a model fitted with --relax: the mix γ b_lasso + (1 − γ) b_refit, γ in [0, 1] (default: the model's γ.1se from cv, else 1, the lasso)",
  "predict.gammaWithoutRelax":
    "--gamma: this model was fitted without --relax, so it has no refits to mix. Fit it again with --relax, or drop --gamma.",
  "path.limitsNote":
    "with coefficient limits the path stops early by reglab's usual rule; glmnet's early stop may not fire under limits (on diabetes with a lower limit of 0 it fits all 100 λ), so the paths can differ in length, not at a shared λ.",
  "figures.notDrawn":
    "no figure drawn: with --json and no --out only the numbers are printed (add --out DIR for the figure)",
  "path.option.tolerance":
    "the certificate each λ is solved to: its KKT violation / λ_max, or the gaussian duality gap (default 1e-7); larger is faster and less exact — at 1e-5 a multinomial path is 2–5× faster, its CV curve off cv.glmnet's by about 1e-4",
  "stats.badField":
    "{file}: the statistics' field '{field}' is missing or not a finite number. Give the one row the statement of --explain returns (n, weight_total, mean__…, cov__…).",
  "stats.noRows":
    "{file}: no row is left to fit (the table is empty, or --where or --na drop left none). Check the file and the condition.",
  "stats.noTarget":
    "{file}: no column '{target}' among the statistics' means. Name the target with --target.",
  "stats.noFeatures":
    "{file}: there is no feature column besides the target (and the weights). A path needs at least one.",
  "table.arrowEmpty": "{file} is empty (0 bytes): an Arrow IPC file holds a schema and record batches.",
  "table.arrowNoRows": "{file} holds an Arrow schema but no rows.",
  "table.arrowIsOther":
    "{file} is a {format} file, not Arrow IPC, though its name says .arrow. Give it its own extension (a Parquet file: .parquet; a CSV: .csv).",
  "table.keyColumn":
    "{file}: a column is named '{column}', the name the folds give each row's key (its file or its position). Rename the column to cross-validate over the table, or cross-validate a CSV in memory.",
  "table.arrowNoFiles":
    "'{file}' names no Arrow file (.arrow, .arrows, .ipc, .feather). Check the pattern or the folder.",
  "table.mixedFolder":
    "'{file}' holds both Parquet and Arrow files, and only one kind can be one table. Give a glob of one kind ('{file}/*.parquet' or '{file}/*.arrow'), or keep them in folders of their own.",
  "table.arrowSchemas":
    "{file}: column '{column}' is {type} here but {firstType} in {first}; the files of one table need the same columns. Convert them alike, or give one file.",
  "table.arrowMissingColumn":
    "{file} has no column '{column}', which {first} has; the files of one table need the same columns. Convert them alike, or choose the columns to read with --columns.",
  "table.arrowExtraColumn":
    "{file} has a column '{column}' that {first} has not; the files of one table need the same columns. Convert them alike, or choose the columns to read with --columns.",
  "table.arrowUnreadable":
    "{file}: not an Arrow IPC file reglab can read ({reason}). Write it in Arrow's IPC file or stream format (pyarrow.feather.write_feather(table, path)), or as Parquet.",
  "table.queryFailed":
    "{file}: DuckDB could not read it: {reason}. Check the file (and the --where condition).",
  "table.noColumn":
    "{file}: {option} names '{column}', which is not a column of the table. Check the name (columns are case-sensitive).",
  "table.roleNotNumeric":
    "{file}: {option} names column '{column}', which holds {type}, not numbers. Name a column of numbers with {option}, or convert this one.",
  "table.notNumeric":
    "{file}: column '{column}' holds {type}, not numbers. Leave it out with --exclude {column}, or convert it.",
  "table.notFiniteCells":
    "{file}: column '{column}' holds {count} values that are not finite numbers (NaN or ±∞). Leave those rows out (--where 'isfinite(\"{column}\")') or fix them.",
  "table.emptyCells":
    "{file}: column '{column}' has empty cells ({count} of them). Pass --na drop to leave those rows out, or fill them.",
  "table.onlyGaussian":
    "{file}: a path over a table read through DuckDB (Parquet, or a CSV with --stream) is gaussian, binomial or poisson so far, and one from --stats gaussian only: the {family} family is not built for tables yet. Read the data into memory (a CSV without --stream) for it.",
  "table.randomWhere":
    "--where '{where}' draws random numbers: the table is scanned more than once (the means, then the sums), and each scan would keep other rows. Select rows by a hash of a column instead (e.g. --where 'hash(id) % 2 = 0').",
  "table.optionNotHere":
    "{option} is not available over a table read through DuckDB (Parquet, Arrow, a CSV with --stream) or from --stats yet. Use a CSV in memory for it.",
  "table.explainOnly":
    "--explain prints the statement for a Parquet table; with --stats there is no statement to print.",
  "path.option.where": "an SQL condition selecting the rows of a Parquet table (e.g. 'year >= 2020')",
  "path.option.explain":
    "print the SQL statement that computes the path's statistics (to run it on another engine) and stop",
  "path.option.stats":
    "fit the gaussian path from statistics instead of rows: the JSON row the statement of --explain returns",
  "path.option.saveStats":
    "also write the statistics computed from the Parquet table (the statement's row, as JSON)",
  "table.needsTable":
    "{option} is for a path over a table read through DuckDB: a Parquet table (a .parquet file, a folder of them or a glob), an Arrow IPC file, or a CSV with --stream. Give one, or leave {option} out.",
  "table.notBinary":
    "{file}: a binomial path over a table needs its target '{target}' to hold 0 and 1 only (both). Recode it (e.g. a CASE in a view), or use a CSV, whose reader codes two labels.",
  "table.diverged":
    "{file}: the logistic fit left the numbers doubles can hold (the classes are perhaps separable at this λ). Use a larger --lambda-min-ratio, or α < 1.",
  "path.passes": "{passes} passes over the table ({light} of them light: the loss and gradient alone)",
  "path.passesProgress": "passes over the table",
  "table.weightsIsTarget":
    "{file}: --weights names the target column '{column}'. Give the weights' own column, or another --target.",
  "table.targetNotNumeric":
    "{file}: the target column '{column}' holds {type}, not numbers. Recode it as numbers (for two classes: 0 and 1), or name another column with --target.",
  "table.negativeWeight":
    "{file}: the weights in column '{column}' go down to {value}; weights must be 0 or more.",
  "table.zeroWeights":
    "{file}: the weights in column '{column}' sum to 0 over the rows selected: no row counts. Check the column (and --where).",
  "table.notFinite":
    "{file}: column '{column}' holds values whose sums leave the doubles' range (a value near 1e300, or NaN or ∞). Rescale or clean the column, or leave it out with --exclude.",
  "stats.impossible":
    "{file}: field '{field}' is impossible for any data (n below 2, a weight total of 0 or less, a negative variance, or a correlation past ±1). Check the statistics' row.",
  "stats.notObject":
    "{file} is not one JSON object (or an array holding one): give the one row the statement of --explain returns.",
  "table.statsIgnores":
    "{option} cannot change a path from --stats: the statistics were computed already. Apply it in the statement (reglab path TABLE {option} … --explain) instead.",
  "table.explainBinomial":
    "--explain prints the gaussian statistics' statement; a binomial or poisson path runs one statement per Newton step and has no single one to print.",
  "table.modNeedsFile":
    "{file}: --fold-rule mod numbers a table's rows by their position in one file; for a folder or a glob use --fold-rule random (a seeded hash of each row's file and position).",
  "table.emptyFold": "{file}: fold {fold} of {folds} holds no row. Use fewer --folds.",
  "table.cvMeasure":
    "a {family} cross-validation over a table scores by {measures} so far. For another measure, cross-validate a CSV in memory.",
  "table.foldUnfittable":
    "{file}: the rows outside fold {fold} of {folds} cannot be fitted: their target holds one class only (binomial), or no count above 0 (poisson). Use fewer --folds, or --fold-rule random.",
  "table.cvFoldIds":
    "a table's folds are not listed row by row: fold_rule_sql gives each row's fold, fold_sizes their sizes",
  "table.scanning": "scanning the table",
  "table.rowsRead": "{rows} rows read",
  "table.notCounts":
    "{file}: a poisson path needs its target '{target}' to hold counts: numbers ≥ 0, not all 0.",
  "file.arrow":
    "{file} is an Arrow IPC file: reglab path and reglab cv read it (a table, out of core); this command needs a CSV. pyarrow writes one: pyarrow.csv.write_csv(pyarrow.ipc.open_file('{file}').read_all(), 'data.csv') (for the stream format: pyarrow.ipc.open_stream).",
  "file.parquet":
    "{file} is a Parquet file: reglab path and reglab cv read it (a table, out of core); this command needs a CSV. DuckDB writes one: COPY (SELECT * FROM '{file}') TO 'data.csv' (HEADER).",
  "table.modFiltered":
    "{file}: --fold-rule mod numbers the file's rows before --where or --na drop leave some out, so its folds would not be those of a CSV of the rows kept. Use --fold-rule random here.",
  "table.zeroWeightFold":
    "{file}: the rows of fold {fold} all weigh 0. Use another --fold-rule or --seed, or check the weights.",
  "table.statsGaussianOnly":
    "--stats fits gaussian paths only: a {family} path needs passes over the rows (give the Parquet table instead).",
  "table.cvGaussianOnly":
    "cross-validation over a table read through DuckDB (Parquet, Arrow, or a CSV with --stream) is gaussian, binomial or poisson so far. For the {family} family, cross-validate the rows in memory (a CSV without --stream).",
  "sparse.duplicate":
    "{file}, line {line}: row {row}, column {column} already has a value (line {first}). Give each cell once.",
  "sparse.badLabel":
    "{file}, line {line}: the label '{value}' is not a number. Each line starts with its target value, then index:value pairs.",
  "sparse.badPair":
    "{file}, line {line}: '{token}' is not an index:value pair (a whole number ≥ 0, a colon, a finite number). Fix or remove it.",
  "sparse.empty": "{file} holds no rows. Write one row per line: the target, then index:value pairs.",
  "sparse.noFeatures": "{file} has no index:value pair on any line, so there is no feature to fit.",
  "mtx.empty":
    "{file} holds no matrix entries (a zero-length or header-only Matrix Market file). Write the matrix with Matrix::writeMM or scipy.io.mmwrite.",
  "mtx.banner":
    "{file} does not start with a Matrix Market banner ('%%MatrixMarket matrix coordinate real general'); found '{found}'.",
  "mtx.unsupported":
    "{file} is a Matrix Market '{kind}' matrix; reglab reads coordinate matrices that are real, integer or pattern, and general. Write it as 'coordinate real general'.",
  "mtx.size":
    "{file}, line {line}: expected the size line 'rows columns entries' (three whole numbers), found '{found}'.",
  "mtx.entry": "{file}, line {line}: expected an entry 'row column value', found '{found}'.",
  "mtx.outOfRange":
    "{file}, line {line}: the entry at row {row}, column {column} is outside the {n} × {p} matrix its size line declares. Fix the entry or the size line.",
  "mtx.count":
    "{file}: the size line declares {expected} entries, but the file holds {found}. Fix the size line or the entries.",
  "sparse.badTarget": "{file}, row {row}: the target {value} is not 0 or 1, which the {family} family needs.",
  "sparse.constantTarget":
    "{file}: every target value is the same, so there is nothing for a model to explain.",
  "sparse.oneClass": "{file}: every target is {value}; a binomial model needs rows of both classes.",
  "sparse.nothingToFit":
    "{file}: every feature is constant (or unrelated to the target at λ = ∞), so the path has nowhere to start.",
  "sparse.optionNotHere":
    "{option} is not available for sparse inputs (svmlight, Matrix Market) yet. Write the data as CSV to use it.",
  "sparse.family":
    "The {family} family is not available for sparse inputs yet; use --family gaussian or binomial, or write the data as CSV.",
  "sparse.responseBesideSvmlight":
    "{file} is an svmlight file, which carries its targets (the first value of each line): drop --response.",
  "sparse.needsResponse":
    "{file} is a Matrix Market file, which holds X only: give its target with --response FILE (one number per line, one line per row).",
  "sparse.badResponse": "{file}, line {row}: '{value}' is not a number. Put one target value per line.",
  "sparse.responseLength":
    "{file} has {rows} values, but {matrix} has {n} rows. Give one target value per row.",
  "sparse.notTwoClasses": "{file}: the binomial family needs exactly two target values; found {count}.",
  "sparse.responseNeedsMtx":
    "--response gives the target of a Matrix Market (.mtx) file; a CSV carries its target as a column (--target).",
  "path.option.response":
    "the target of a Matrix Market (.mtx) design: a file with one number per line, one line per row",
  "path.sparseSummary":
    "Sparse design: {nonzeros} nonzeros ({density} % of the cells), held in compressed sparse columns",
  "sparse.indexTooLarge":
    "{file}, line {line}: column {index} is past the {limit} columns reglab holds for a sparse design. Renumber the columns (or hash into fewer).",
  "path.noUsableFeature":
    "{file}: every feature is constant (or excluded), so a path has nothing to start from (glmnet would return λ = NaN). Give at least one feature that varies.",
  "glm.mgaussianTargets":
    "The mgaussian family fits several numeric responses together: name at least two columns with --target, e.g. --target y1,y2.",
  "glm.mgaussianRepeated": "--target names the column '{name}' twice; name each response once.",
  "glm.mgaussianOption":
    "{option} is not available for the mgaussian family yet (reglab fits, cross-validates, saves and predicts its path; offsets, limits and the relaxed fit are not done). Drop {option}, or fit each response alone with --family gaussian.",
  "glm.noResponseColumn":
    "{file}: there is no column '{name}' to be a response (--target). Columns: {columns}.",
  "path.responses": "Responses, fitted together (each feature in all of their models or none): {names}",
  "figure.path.responseCoefficient": "coefficient, response {label}",
  "predict.sparseColumn":
    "{file}: column {name} has values, but the model has no such feature (its features are {first} … {last}). A sparse file's columns are named by their index, as when the model was fitted: write the rows with the same column numbering.",
  "sparse.modelWithOffset":
    "This model was fitted with offsets, which a sparse file cannot hold; predict from a CSV file that has the offset column.",
  "glm.allUnpenalized":
    "Every penalty factor is 0, so no feature is penalized and no λ changes the model: there is no path to run (glmnet stops with its error 10000). Give at least one feature a factor above 0.",
  "glm.objectiveForFamily":
    "--objective as-written is for the gaussian family's elastic net; the {family} family has one objective, glmnet's, which is the one as written. Drop --objective.",
  "path.firstLambdaNote":
    "Unlike glmnet: the first λ's model is fitted (with α < 0.001 it is not all zero); glmnet reports every penalized coefficient at zero there, as if that λ were infinite. From the second λ on the two fit the same problem.",
  "table.rowsInMemory":
    "the table is small ({rows} rows): its rows were held in memory and fitted as a CSV's (--stream fits by passes over the table instead)",
  "path.option.stream":
    "never hold the rows: a CSV read through DuckDB a chunk at a time instead of into memory, and a binomial or poisson path over any table fitted by passes over it even when it is small (out of core): for files larger than memory",
  "table.streamNeedsCsv":
    "--stream reads a CSV file (.csv, .tsv, gzipped or not) through DuckDB; {file} is not one. Give a CSV file, or leave --stream out.",
  "table.foldsMod":
    "Folds: {folds}, a row's by its position in the file (--fold-rule mod, as the in-memory CSV's).",
  "table.foldsHash":
    "Folds: {folds}, a row's by a seeded hash of its file and position (seed {seed}): reproducible, but not the in-memory CSV's shuffle, so its folds and λ.min differ; --fold-rule mod gives the CSV's.",
  "table.foldsHashFiles":
    "Folds: {folds}, a row's by a seeded hash of its file (its path below the folder, or below the glob's fixed start) and its position there (seed {seed}): reproducible. Mod folds number one file's rows, so they are for one file only.",
  "table.csvNotNumber":
    "{file}, row {row}, column '{name}': '{value}' is not a number. Use numbers with a '.' decimal point, or remove the row.",
  "glm.classOfOne":
    "{file}: class {label} has {count} row; a classifier needs at least two rows of every class (glmnet refuses a class of one too). Add rows of that class, or leave its row out.",
  "cv.foldLeavesOne":
    "{file}: without fold {fold}, class {label} keeps a single row to train on, which glmnet refuses too. Use fewer folds, or --foldid to spread that class over the folds.",
  "glm.responsesConstant":
    "{file}: each response ({targets}) is constant, so there is nothing to explain (the deviance ratio would be 0/0). Check the --target columns.",
  "glm.responsesZero":
    "{file}: every value of every response ({targets}) is 0, and without an intercept there is nothing to explain. Check the --target columns.",
  "what.m": "slope m",
  "what.option": "option {option}",
} as const;

export type MessageKey = keyof typeof en;
