/**
 * English messages of the web lab. Every key has its twin in labZh.ts (the type enforces it);
 * placeholders are {name}. The figures the lab shares with the CLI take their words from en.ts.
 */
export const labEn = {
  // ── page ──────────────────────────────────────────────────────────────────
  "lab.title": "reglab — why regularization works",
  "lab.tagline": "why regularization works, live",
  "lab.intro":
    "Each chapter shows one step of the argument of “Why we should always consider regularization”, computed live by the same library as the reglab command line.",
  "lab.skip": "Skip to the chapters",
  "lab.chapters": "Chapters",
  "lab.switchLanguage": "Switch the language to Chinese / 切换语言",
  "lab.copyLink": "Copy link to this experiment",
  "lab.copied": "Link copied: it restores every setting.",
  "lab.teacherMode": "Teacher mode: some controls are hidden for this lesson.",
  "lab.unknownKeys":
    "This link names keys the lab does not know: {keys}. They were ignored. (Chapter keys: sigmoid, stepper, playground, path, instability, scale; control keys are shown in the “Share / teach” panel.)",
  "lab.share.title": "Share / teach: build a link for a lesson",
  "lab.share.explain":
    "Tick the chapters and the controls the lesson needs; the link keeps every current setting, shows only the chapters ticked, and hides the controls not ticked. Each control's key is shown beside it.",
  "lab.share.link": "Link",
  "lab.share.copy": "Copy",
  "lab.dataTable": "Data table",
  "lab.unexpected":
    "Something went wrong: {message}. Please reload the page; if it happens again, report it.",
  "lab.chooseFile": "Choose a CSV file…",
  "lab.saveSvg": "Save SVG",
  "lab.savePng": "Save PNG",
  "lab.footer":
    "reglab: every number on this page comes from the library, runs in your browser and is checked in its tests against finite differences, closed forms, glmnet and scikit-learn. Nothing is sent anywhere.",
  "lab.tryThis": "Try this",
  "lab.try.held": "✓ As promised.",
  "lab.try.notYet": "Not seen yet — the settings may have been changed meanwhile.",
  "lab.try.leftOut":
    "This lesson keeps some settings fixed ({keys}): the steps that would change them are left out.",

  // ── 1. sigmoid explorer ───────────────────────────────────────────────────
  "sigmoid.title": "The sigmoid and its slope",
  "sigmoid.claim":
    "Claim: with a large weight m the curve σ(m·x + c) is steep, and σ′(z) ≈ 0 almost everywhere — there, gradient updates stall.",
  "sigmoid.explain":
    "A sigmoid unit squashes z = m·x + c into an output between 0 and 1. Its slope σ′(z) is largest (0.25) at z = 0 and falls off fast: where |z| > 4.6 it is below 0.01. The weight m sets how fast z grows with x — so a large m leaves most inputs on the flat, saturated tails, where learning has almost no slope to follow.",
  "sigmoid.next":
    "Flat tails are where gradients vanish. The next chapter follows one gradient-descent step through the chain rule and shows where it dies.",
  "sigmoid.try.steep": "The article's steepest slope, m = 0.001",
  "sigmoid.try.steep.promise":
    "More than half of the x range (54.1 %) is shaded: there σ′ < 0.01. The other three slopes stay in thin lines for comparison.",
  "sigmoid.try.flat": "The flattest, m = 0.0001",
  "sigmoid.try.flat.promise":
    "Nothing is shaded: z stays within ±1, the whole curve is in the steep middle and σ′ never drops below 0.01.",
  "sigmoid.try.large": "A weight far too large: m = 0.1",
  "sigmoid.try.large.promise":
    "The curve is a step: more than 99 % of the range is saturated, and σ′ is a thin spike at x = 0.",
  "sigmoid.try.short": "Keep m = 0.1, but let x run only from −10 to 10",
  "sigmoid.try.short.promise":
    "Nothing is saturated any more: what saturates is z = m·x, not m alone. (Chapter “Scale matters” comes back to this.)",
  "sigmoid.controls": "The unit σ(m·x + c)",
  "sigmoid.m": "weight m (log scale)",
  "sigmoid.c": "bias c",
  "sigmoid.range": "x runs from −R to R; R =",
  "sigmoid.presets": "The article's four slopes",
  "sigmoid.share": "Share of x where σ′ < 0.01 (saturated):",
  "sigmoid.details":
    "Saturated where |m·x + c| > {cutoff}. Steepest slope dy/dx = {slope}. On standardized x this unit has weight {standardized}.",
  "sigmoid.readout": "m = {m}: {share} of the x range is saturated.",
  "sigmoid.figure": "σ(m·x + c) with the saturated region shaded, and σ′ beneath",

  // ── 2. chain-rule stepper ─────────────────────────────────────────────────
  "stepper.title": "The chain rule, one step at a time",
  "stepper.claim":
    "Claim: the gradient is a product ∂E/∂σ · ∂σ/∂z · ∂z/∂w. When σ′(z) ≈ 0 the whole product vanishes, however wrong the output is: updates stall — or, with a large step η, jump past the minimum.",
  "stepper.explain":
    "Gradient descent moves the weight m against the slope of the loss E. The chain rule says that slope is a product of three factors: how wrong the output is (y − t), how steep the sigmoid is where the unit sits (σ′(z)), and the input (x). Start with a large weight and z = m·x lies far out on the flat tails: σ′(z) is almost 0 — and so is the whole product, however wrong the output is.",
  "stepper.next":
    "One unit stalls or jumps past its goal. A network has thousands of such weights: next, watch what large weights do to what a network learns.",
  "stepper.try.stall": "Start at m₀ = 100 with η = 10, take 5 steps",
  "stepper.try.stall.promise":
    "The status says “stalled” from the very first step: mean σ′ is about 0.005, so m hardly moves (it stays above 99.9). The σ′ bar is not even visible next to y − t.",
  "stepper.try.penalty": "Same start, with an L2 penalty λ = 0.01: 20 steps",
  "stepper.try.penalty.promise":
    "No stall: the penalty's gradient λ·m does not pass through σ′, so each step shrinks m by η·λ = 10 %. All 20 steps say “learning”, and m ends below 15.",
  "stepper.try.overshoot": "Escape with giant steps: m₀ = 100, η = 10000, 20 steps",
  "stepper.try.overshoot.promise":
    "Within 20 steps the status says “overshoot”: a step jumped past the minimum, so the loss rose or the slope changed sign. Overshoots are ringed on the loss curve.",
  "stepper.try.learn": "Start small: m₀ = 0.1, η = 10, 20 steps",
  "stepper.try.learn.promise":
    "σ′ stays near its peak (above 0.1; the peak is 0.25), every factor is a visible bar, and the loss falls below 0.001 (“learned”) within 20 steps — never stalled, never overshooting.",
  "stepper.stepsTaken": "steps",
  "stepper.controls": "Gradient descent on y = σ(m·x + c)",
  "stepper.m0": "starting weight m₀ (log scale)",
  "stepper.eta": "learning rate η (log scale)",
  "stepper.l2": "L2 penalty (λ/2)·m²",
  "stepper.lambda": "λ (log scale)",
  "stepper.sample": "sample whose chain rule is shown",
  "stepper.speed": "steps per frame while playing",
  "stepper.run": "Run",
  "stepper.step1": "One step",
  "stepper.play": "Play",
  "stepper.pause": "Pause",
  "stepper.reset": "Reset",
  "stepper.factorsHeading": "The factors of ∂E/∂m for the chosen sample",
  "stepper.meanGradient": "mean ∂E/∂m over the data",
  "stepper.factorsFigure":
    "The three factors and their product for the chosen sample (linear scale: small looks small)",
  "stepper.factorsAxis": "|value|",
  "stepper.factor": "factor",
  "stepper.value": "value",
  "stepper.lossFigure": "Loss E over the steps",
  "stepper.step": "step",
  "stepper.loss": "loss E",
  "stepper.status.start": "Press “One step” or “Play”.",
  "stepper.status.learning": "Step {steps}: learning — the weight moves and the loss falls.",
  "stepper.status.stalled":
    "Step {steps}: stalled — mean σ′ is {dydz}, so the gradient is tiny: the last update moved m by only {update}.",
  "stepper.status.overshoot":
    "Step {steps}: overshoot — the update ({update}) jumped past the minimum: the loss rose or the slope changed sign.",
  "stepper.status.reached": "Step {steps}: learned — the loss is below 0.001.",
  "stepper.status.diverged": "Step {steps}: the weights stopped being finite numbers. Lower η.",
  "stepper.readout": "Step {steps}: m = {m}, loss {loss}, z = {z} for the chosen sample.",

  // ── 3. playground ─────────────────────────────────────────────────────────
  "playground.title": "Overfitting playground",
  "playground.claim":
    "Claim: large weights overfit — good on the training points, bad on the test points. A penalty on the weights closes the gap. Change λ while it trains and watch.",
  "playground.explain":
    "A network with many weights can bend its decision boundary around every training point — noise included. Half of the points are kept aside as a test: while the training loss keeps falling, the test loss tells whether the network learned the pattern or memorized the noise. The gap between them is overfitting, and it grows with the weights.",
  "playground.next":
    "Here λ was chosen by watching a chart. The next chapter lets the data choose it: a whole path of penalties, and cross-validation.",
  "playground.try.overfit": "Train a free network on the noisy spiral (slow speed)",
  "playground.try.overfit.promise":
    "Within about 20 s the training loss keeps falling while the test loss turns up: the gap (test − train) opens past 0.5. Watch the map bend around single noisy points.",
  "playground.try.penalty": "While it trains, switch on L2 with λ₂ = 0.01",
  "playground.try.penalty.promise":
    "The test loss falls back and within about 20 s the gap is below 0.4. Watch the map smooth out as the weights shrink.",
  "playground.speed": "speed",
  "playground.speed.slow": "slow (15 epochs/s: watch it happen)",
  "playground.speed.medium": "medium (100 epochs/s)",
  "playground.speed.fast": "fast (as fast as it can)",
  "playground.dataControls": "Data",
  "playground.dataset": "data set",
  "playground.dataset.circle": "circle",
  "playground.dataset.xor": "xor",
  "playground.dataset.gauss": "two Gaussians",
  "playground.dataset.spiral": "spiral",
  "playground.noise": "noise",
  "playground.samples": "points",
  "playground.trainShare": "share used for training",
  "playground.seed": "seed",
  "playground.click": "a click on the map",
  "playground.click.add1": "adds a red point (class 1)",
  "playground.click.add0": "adds a blue point (class 0)",
  "playground.click.remove": "removes the nearest point",
  "playground.pointAdded":
    "Points changed ({count} now): the network starts from new weights when you press Train.",
  "playground.pointRestarted":
    "Points changed ({count} now): training restarted from new weights (the split into training and test points changed).",
  "playground.upload": "or upload a CSV (two feature columns, target 0/1)",
  "playground.uploaded": "Using {file}: {count} points (uploaded data is not part of the link).",
  "playground.needTwoColumns":
    "{file}: the playground needs exactly two feature columns and a 0/1 target, but this file has {count} feature columns.",
  "playground.needTwoClasses": "{file}: the target '{target}' must hold the classes 0 and 1, both present.",
  "playground.modelControls": "Model",
  "playground.model": "model",
  "playground.model.network": "neural network",
  "playground.model.polynomial": "logistic regression on polynomial features",
  "playground.layers": "hidden layers",
  "playground.units": "units per layer",
  "playground.activation": "activation",
  "playground.activation.tanh": "tanh",
  "playground.activation.relu": "ReLU",
  "playground.activation.sigmoid": "sigmoid",
  "playground.degree": "polynomial degree",
  "playground.lossChoice": "loss",
  "playground.loss.log": "log loss (cross-entropy)",
  "playground.loss.squared": "squared error",
  "playground.regularization": "Training and regularization (live)",
  "playground.eta": "learning rate η (Adam, log scale)",
  "playground.useL2": "L2 penalty (λ₂/2)·Σw²",
  "playground.l2": "λ₂ (log scale)",
  "playground.useL1": "L1 penalty λ₁·Σ|w|",
  "playground.l1": "λ₁ (log scale)",
  "playground.dropout": "dropout rate",
  "playground.warmup": "λ warm-up: epochs to reach full λ (0 = off)",
  "playground.run": "Training",
  "playground.train": "Train",
  "playground.pause": "Pause",
  "playground.step": "One epoch",
  "playground.reset": "Restart",
  "playground.export": "Export model (JSON)",
  "playground.resetPoints": "Reset points",
  "playground.heatmapLabel":
    "Decision map: the model's probability of class 1 (red) against class 0 (blue) over the plane; filled dots are training points, rings test points.",
  "playground.boundaryFigure": "Decision boundary (filled: training points, rings: test points)",
  "playground.lossFigure": "Training and test loss",
  "playground.layersFigure": "Per layer: weight norm ‖W‖ and gradient norm ‖∂E/∂W‖",
  "playground.noCurveYet": "Press “Train” to see the training and test loss fall (or not).",
  "playground.probability": "P(class 1)",
  "playground.series.train": "train",
  "playground.series.test": "test",
  "playground.epoch": "epoch",
  "playground.loss": "loss",
  "playground.trainLoss": "training loss",
  "playground.testLoss": "test loss",
  "playground.gap": "gap (test − train)",
  "playground.trainAccuracy": "training accuracy",
  "playground.testAccuracy": "test accuracy",
  "playground.saturation": "saturated units (a′ < 1% of its peak), per hidden layer",
  "playground.sensitivity": "input sensitivity",
  "playground.weightNorm": "‖W‖",
  "playground.gradientNorm": "‖∂E/∂W‖",
  "playground.norm": "norm (log scale)",
  "playground.layer": "layer {layer}",
  "playground.layerHeader": "layer",
  "playground.saturated": "saturated units",
  "playground.meanSlope": "mean a′(z)",
  "playground.readout": "Epoch {epoch}: training loss {train}, test loss {test}.",
  "playground.diverged": "Training diverged at epoch {epoch} and was stopped.",
  "playground.divergedFactor":
    "The chain-rule factor that exploded: {factor} in layer {layer}, {growth} times its size at the start.",
  "playground.tryFixes": "Try: {fixes}.",
  "playground.factor.dEdA": "∂E/∂a (the error signal flowing back)",
  "playground.factor.dadz": "∂a/∂z (the activation's slope)",
  "playground.factor.dzdW": "∂z/∂W (the layer's inputs)",
  "playground.factor.gradient": "the gradient ‖∂E/∂W‖",
  "playground.factor.weights": "the weights ‖W‖",
  "playground.fix.learningRate": "a smaller learning rate η",
  "playground.fix.lambda": "an L2 penalty λ (it holds the weights back)",
  "playground.fix.warmup": "a λ warm-up that raises λ over the first epochs",

  // ── 4. path explorer ──────────────────────────────────────────────────────
  "path.title": "Regularization paths",
  "path.claim":
    "In practice: as λ falls, coefficients enter the model and grow; cross-validation picks λ. Drag the λ cursor across the path (or use the arrow keys on its slider).",
  "path.explain":
    "A penalty λ trades fit for small weights — but which λ? Fit the model for a hundred values at once, from a λ so large that every coefficient is zero down to almost none: that is the regularization path. Then hold out each tenth of the data in turn and measure the error on it (cross-validation). λ.min has the lowest error; λ.1se is the largest λ within one standard error of it — the simplest model the data cannot tell apart from the best.",
  "path.next":
    "A penalty picks simpler models. But does it also make a model steadier when its inputs wobble? The next chapter nudges the inputs.",
  "path.try.lasso": "Diabetes, lasso (α = 1)",
  "path.try.lasso.promise":
    "The path opens at λ.1se, and the model there uses only some of the ten features: the lasso sets the others exactly to zero.",
  "path.try.ridge": "Same data, ridge (α = 0)",
  "path.try.ridge.promise":
    "The ridge shrinks every coefficient but sets none to zero: all ten features stay in the model at every λ.",
  "path.try.classes": "Breast cancer: two classes, lasso",
  "path.try.classes.promise":
    "A logistic (binomial) path on 30 features opens at its own λ.1se, with fewer than all 30 features.",
  "path.uploadNotInLink":
    "This link was made after a CSV upload, and a link cannot carry the file. Upload it again (or choose a built-in data set).",
  "path.controls": "Elastic net",
  "path.dataset": "data",
  "path.dataset.diabetes": "diabetes (regression)",
  "path.dataset.breast_cancer": "breast cancer (two classes)",
  "path.dataset.wine": "wine (three cultivars)",
  "path.dataset.upload": "uploaded CSV",
  "path.dataset.iris": "iris (three species)",
  "path.family.multinomial": "multinomial (several classes)",
  "path.class": "class drawn in the figure",
  "path.classColumn": "class {label}",
  "path.upload": "upload a CSV (header row, target y or last column)",
  "path.family": "family",
  "path.family.auto": "automatic (2 classes: binomial; 3–10 classes: multinomial)",
  "path.family.gaussian": "gaussian (least squares)",
  "path.family.binomial": "binomial (logistic)",
  "path.alpha": "α: 1 = lasso, 0 = ridge",
  "path.cursor": "λ cursor",
  "path.jump": "Go to",
  "path.toMin": "λ.min",
  "path.toOneSe": "λ.1se",
  "path.export": "Export model (JSON, for reglab predict)",
  "path.fitting": "Fitting the path and 10-fold cross-validation…",
  "path.pathFigure": "Coefficients along the path (orange: the λ cursor)",
  "path.cvFigure": "10-fold cross-validation error with ±1 standard error",
  "path.summary":
    "At λ = {lambda}: {nonzero} non-zero coefficients, {dev} of the deviance explained, CV error {cvm}. λ.min = {min}, λ.1se = {oneSe}.",
  "path.modelAt": "The model at λ = {lambda} ({nonzero} of {p} features)",
  "path.feature": "feature",
  "path.coefficient": "coefficient",
  "path.intercept": "(intercept)",
  "path.lambda": "λ",
  "path.cvm": "CV error",
  "path.cvsd": "standard error",
  "path.stripControls": "Decision boundaries across λ",
  "path.stripData": "2-D data",
  "path.degree": "polynomial degree",
  "path.stripTitle": "Decision boundaries across λ",
  "path.stripClaim":
    "A logistic model on polynomial features, fitted along its whole path: from large λ (simple, underfit) to small λ (wiggly, overfit).",
  "path.stripPanel": "λ = {lambda}, {nonzero} terms",
  "path.stripAccuracy": "accuracy: training {accuracy}, test {test}",
  "path.stripTerms": "terms in the model",
  "path.stripTrainAccuracy": "training accuracy",
  "path.stripTestAccuracy": "test accuracy (200 new points)",
  "path.stripSummary": "{features} polynomial features of degree ≤ {degree}; binomial elastic net, same α.",

  // ── 5. instability ────────────────────────────────────────────────────────
  "instability.title": "Instability",
  "instability.claim":
    "Claim: large weights make a model unstable — small changes in the inputs give large changes in the output. Nudge the test points with noise and compare.",
  "instability.explain":
    "Two networks learn the same points: one free, one with an L2 penalty that keeps its weights small. Then every test point is nudged a little (ε standard deviations) and we measure how far each network's answer moves — both the probability it reports and its logit z, the number before the final sigmoid. Test loss and accuracy stand beside it: a steady network that predicts nothing would be no success.",
  "instability.next":
    "Sensitivity depends on how the inputs are measured, too. The last chapter asks what “large” means for a weight — and finds that stopping early is a penalty in disguise.",
  "instability.try.spiral": "Spiral, λ = 0.002, ε = 0.05",
  "instability.try.spiral.promise":
    "The claim holds: with the penalty both the probability and the logit move less under the same nudge, and the test loss is lower than without it.",
  "instability.try.circle": "Circle, same λ and ε",
  "instability.try.circle.promise":
    "An honest exception: the probability of the penalized network moves more, yet its logit moves less. The page explains why — the free network is saturated (it says 0 or 1 almost everywhere) — and notes that on such clean data the penalty costs a little test loss.",
  "instability.try.constant": "Spiral with a huge penalty, λ = 0.3",
  "instability.try.constant.promise":
    "The penalized network now predicts one constant for every point. The page names it a constant model and shows no “times steadier” ratio: it is stable because it has learned nothing.",
  "instability.verdict.holds":
    "At ε = {epsilon} the penalized network's probability moves {outputRatio}× less than the free one's, and its logit z {logitRatio}× less: the penalty made it steadier.",
  "instability.verdict.saturationHides":
    "At ε = {epsilon} the penalized network's logit z moves {logitRatio}× less — yet its probability moves more (ratio {outputRatio}). Why: the free network is saturated. It says ≈ 0 or ≈ 1 on most test points, where the sigmoid is flat and a nudge cannot move the probability, however steep the logit beneath it. Saturation hides the instability, as σ′ ≈ 0 hides a gradient.",
  "instability.verdict.constant":
    "With λ = {lambda} the penalized network predicts the same value (≈ {mean}) for every test point: a constant model. It cannot be unstable because it has learned nothing — its test accuracy is {accuracy}. No ratio is shown; try a smaller λ.",
  "instability.verdict.fails":
    "Here the claim does not hold: at ε = {epsilon} the penalized network's logit z moves {inverse}× as much as the free one's. How far an output moves depends on where the test points lie relative to the boundary, not on ‖W‖ alone; try a larger λ or another ε.",
  "instability.cleanData":
    "Note: on this data the free network's test loss ({plain}) is no worse than the penalized one's ({regularized}): the classes barely overlap, so there is little noise to overfit, and the penalty only costs accuracy of fit.",
  "instability.logitFigure": "Mean change of the logit z (before the final sigmoid) under the same nudges",
  "instability.logitSensitivity": "mean |z(x + δ) − z(x)|",
  "instability.testAccuracy": "test accuracy",
  "instability.sensitivityShort": "moves: probability",
  "instability.logitShort": "moves: logit z",
  "instability.controls": "Two networks, same data",
  "instability.dataset": "data set",
  "instability.lambda": "λ of the regularized network (log scale)",
  "instability.noise": "noise ε, in feature standard deviations (log scale)",
  "instability.training": "Training both networks (600 epochs each)…",
  "instability.plain": "no penalty",
  "instability.regularized": "L2, λ = {lambda}",
  "instability.figure": "Mean change of the probability when the test inputs are nudged by noise ε",
  "instability.epsilon": "noise ε",
  "instability.sensitivity": "mean |f(x + δ) − f(x)|",
  "instability.tableCaption": "The two networks (sensitivity at ε = {epsilon})",
  "instability.weightNorm": "‖W‖",
  "instability.lipschitz": "Lipschitz bound",
  "instability.testLoss": "test loss",

  // ── 6. scale matters ──────────────────────────────────────────────────────
  "scale.title": "Scale matters",
  "scale.claim":
    "An honest footnote: the article's slopes look steep only because x runs to ±10⁴. What saturates is z = m·x, not m alone — on standardized inputs the same unit has weight m·sd(x).",
  "scale.explain":
    "“Large” is not a property of the weight alone. The unit sees z = m·x: measure x in metres instead of millimetres and the same model needs a weight a thousand times larger. That is why penalties are applied to standardized inputs — and why, at the end, a penalty can hide in how long we train.",
  "scale.try.article": "The article's m = 0.001 on x up to ±10⁴",
  "scale.try.article.promise":
    "On standardized inputs the very same curve has weight 5.779 — the number the first chapter reports for this unit. A weight of 0.001 only looks small.",
  "scale.try.gentle": "m = 0.0001",
  "scale.try.gentle.promise":
    "The standardized weight is below 1 (0.5779): a gentle slope, and nothing saturates — on either scale.",
  "scale.try.early": "Stop gradient descent after t = 5 steps",
  "scale.try.early.promise":
    "The coefficients are only about half the size of the least-squares fit (‖β‖ below 0.6 of it), and they sit within 0.2 of the ridge solution at λ ≈ 1/(η·5): stopping early shrinks, as a penalty does.",
  "scale.try.late": "Let it run: t = 5000 steps",
  "scale.try.late.promise":
    "The descent reaches the unpenalized least-squares fit (‖β‖ above 0.99 of it): without stopping early there is no shrinkage left.",
  "scale.controls": "The unit and the descent",
  "scale.m": "weight m on raw x (log scale)",
  "scale.step": "gradient-descent steps t (the recorded steps, log-spaced)",
  "scale.rawFigure": "σ(m·x) on raw x",
  "scale.standardizedFigure": "The same unit on standardized x̃",
  "scale.rawAxis": "x (raw)",
  "scale.standardAxis": "x̃ = x / sd(x)",
  "scale.readout":
    "m = {m} on x with sd {sd} is the weight {standardized} on standardized inputs: the two curves are the same σ(z).",
  "scale.earlyTitle": "Early stopping acts like an L2 penalty",
  "scale.earlyClaim":
    "Gradient descent on least squares from zero, stopped after t steps, lands near the ridge solution at λ ≈ 1/(η·t). Lines: the ridge path; dots: the descent (diabetes data, standardized).",
  "scale.earlyFigure": "Coefficients against their size: ridge path (lines) and gradient descent (dots)",
  "scale.normAxis": "‖β‖ / ‖β_least squares‖",
  "scale.coefAxis": "coefficient / ‖β_least squares‖",
  "scale.feature": "feature",
  "scale.descentCoef": "descent at step {step}",
  "scale.ridgeCoef": "ridge at λ = {lambda}",
  "scale.earlyReadout":
    "At step t = {step} (λ ≈ {lambda}) the descent is {distance} of ‖β_least squares‖ away from the ridge solution; at most {max} along the way.",
} as const;

export type LabKey = keyof typeof labEn;
