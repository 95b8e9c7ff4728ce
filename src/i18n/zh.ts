/** 中文消息。键与 en.ts 完全相同（类型保证）；占位符 {name} 由调用方填入。 */
import type { MessageKey } from "./en.js";

export const zh: Record<MessageKey, string> = {
  // ── 程序 ──────────────────────────────────────────────────────────────────
  "program.description": "用测量说明正则化为何有效：sigmoid 单元、它的链式法则与权重惩罚。",
  "help.usage": "用法",
  "help.commands": "命令",
  "help.options": "选项",
  "help.arguments": "参数",
  "help.examples": "示例",
  "help.default": "默认",
  "help.moreHelp": "运行 'reglab <命令> --help' 查看某个命令的选项。",
  "option.help": "显示本帮助并退出",
  "option.version": "显示版本号并退出",
  "option.lang": "消息、表格和图的语言：en 或 zh（默认取自 LANG）",
  "option.json": "以一个 JSON 文档输出结果到标准输出（标准输出中不再有其他内容）",
  "option.out": "写入图形的文件夹（不存在则创建；只写入其中的文件）",
  "option.debug": "意外错误时显示调用栈",
  "option.seed": "所有随机选择的种子（整数）",
  "option.saturation": "σ'(z) 低于此值即视为饱和（0 < t ≤ 0.25）",
  "option.saturationShare": "当 a'(z) 低于其峰值的此比例时，该单元视为饱和",

  // ── sigmoid ───────────────────────────────────────────────────────────────
  "sigmoid.description": "画出不同斜率 m 下的 σ(mx + c)（即文章中的 plot_sigmoid），并测量饱和程度。",
  "sigmoid.argument.m": "要画的斜率 m（默认为文章中的 0.001 0.0005 0.0002 0.0001）",
  "sigmoid.option.xMin": "x 范围的左端",
  "sigmoid.option.xMax": "x 范围的右端",
  "sigmoid.option.points": "均匀分布的 x 点数（含两端）",
  "sigmoid.option.c": "偏置 c",
  "sigmoid.example.default": "文章中的四幅图，写入 reglab-out/",
  "sigmoid.example.custom": "两个斜率、更窄的范围、中文标签",
  "sigmoid.table.zRange": "z 范围",
  "sigmoid.table.saturatedShare": "饱和比例",
  "sigmoid.table.maxSlope": "最大 dy/dx",
  "sigmoid.table.standardizedM": "标准化 x 上的 m",
  "sigmoid.summary": "当 σ'(z) < {threshold}，即 |z| > {cutoff} 时，该点视为饱和。",

  // ── descend ───────────────────────────────────────────────────────────────
  "descend.description":
    "从小到大的初始权重出发，用梯度下降训练该单元：测量停滞与越过极小值（论断 C2、C3）。",
  "descend.option.initialWeights": "初始权重 m0，逗号分隔（c0 = 0）",
  "descend.option.learningRates": "学习率 η，逗号分隔",
  "descend.option.l2": "L2 强度 λ，逗号分隔（0 表示不加惩罚）",
  "descend.option.steps": "每次运行的梯度下降步数",
  "descend.option.target": "视为学会的数据损失",
  "descend.option.samples": "训练样本数",
  "descend.option.teacherM": "教师单元的权重 m*",
  "descend.option.teacherC": "教师单元的偏置 c*",
  "descend.option.inputScale": "输入 x 的标准差",
  "descend.option.noise": "目标值上噪声的标准差",
  "descend.example.default": "默认扫描：m0 0.1…100，η 0.1…1000，λ 为 0 和 0.001",
  "descend.example.custom": "一个学习率、三种惩罚，输出 JSON",
  "descend.table.l2": "λ",
  "descend.table.learningRate": "η",
  "descend.table.initialM": "m0",
  "descend.table.meanDydz": "初始平均 σ'",
  "descend.table.saturated": "初始饱和比例",
  "descend.table.stepsToTarget": "达标步数",
  "descend.table.stalled": "停滞步数",
  "descend.table.rises": "损失上升次数",
  "descend.table.finalLoss": "最终损失",
  "descend.table.outcome": "结果",
  "descend.outcome.reached": "达标",
  "descend.outcome.stalled": "停滞",
  "descend.outcome.oscillating": "振荡",
  "descend.outcome.diverged": "发散",
  "descend.never": "未达到",
  "descend.summary":
    "教师单元 σ({teacherM}·x {teacherC})，{samples} 个样本，种子 {seed}；目标：{steps} 步内损失 ≤ {target}。",

  // ── article ───────────────────────────────────────────────────────────────
  "article.description": "复现文章的每一幅图和每一个论断；写出 index.html 与 claims.json。",
  "article.example.default": "报告写入 reglab-out/index.html",
  "article.written": "报告已写入 {path}",
  "article.claimsWritten": "论断已写入 {path}",
  "article.open": "在浏览器中打开：{url}",

  // ── 图 ────────────────────────────────────────────────────────────────────
  "figure.sigmoid.title": "m = {m} 时的 σ(mx + c)",
  "figure.sigmoid.subtitle": "饱和区（σ' < {threshold}）占 x 范围的 {share}，以阴影标出",
  "figure.sigmoidAll.title": "文章中各斜率下的 σ(mx + c)",
  "figure.sigmoidAll.subtitle": "m 越大，曲线越陡，两侧平坦的饱和区越宽",
  "figure.axis.x": "x（输入）",
  "figure.axis.y": "y = σ(mx + c)",
  "figure.axis.dydz": "σ'(z)（链式法则因子 ∂y/∂z）",
  "figure.axis.z": "z = mx + c",
  "figure.legend.m": "斜率 m",
  "figure.scale.title": "饱和的是 z = mx，而不是 m 本身",
  "figure.scale.subtitle": "四条曲线都是同一个 σ(z)；各自覆盖其 mx 所能达到的 z 范围",
  "figure.loss.title": "梯度下降过程中的损失，按初始权重 m0 区分",
  "figure.loss.subtitle": "列：学习率 η；行：L2 强度 λ；对数坐标",
  "figure.axis.step": "步数",
  "figure.axis.loss": "损失 E（对数坐标）",
  "figure.outcomes.title": "哪些 (m0, η) 能平稳地学会",
  "figure.outcomes.subtitle": "格中数字：达标所需步数；颜色：结果",
  "figure.axis.learningRate": "学习率 η",
  "figure.axis.initialM": "初始权重 m0",

  // ── 报告 ──────────────────────────────────────────────────────────────────
  "report.title": "为什么我们应该总是考虑正则化——用数字说话",
  "report.intro":
    "文章的每个论断都由 reglab 复现为一幅图和一个测量值。所有数字来自同一次运行（种子 {seed}）；运行 'reglab article' 即可复现。",
  "report.holds": "成立",
  "report.fails": "此处不成立",
  "report.measured": "测量结果",
  "report.languageSwitch": "English",
  "report.scale.heading": "尺度很重要",
  "report.scale.text":
    "饱和的是 z = mx + c。文章中的斜率之所以显得陡，只是因为 x 的范围达到 ±{xMax}：在标准化输入（x 除以其标准差 {sd}）上，同样四个单元的斜率为 {slopes}。把输入标准化后，权重的大小对每个特征的含义才一致。",
  "report.setup.heading": "这个单元",
  "report.setup.text":
    "y = σ(mx + c)，平方误差 E = ½(y − t)²，梯度下降 w ← w − η·∂E/∂w，其中 ∂E/∂m = (y − t)·σ'(z)·x：当 |z| 很大时，消失的正是中间的因子 σ'(z)。",
  "report.footer": "由 reglab {version} 生成。图也以 SVG 和 PNG 格式保存在本文件夹中。",
  "claim.C1.title": "C1 · 权重大，sigmoid 就陡峭而饱和",
  "claim.C1.measured":
    "在 x ∈ [{xMin}, {xMax}] 上，m = {mLarge} 时有 {shareLarge} 的点满足 σ'(z) < 0.01，而 m = {mSmall} 时只有 {shareSmall}；最大斜率从 {slopeLarge} 降到 {slopeSmall}。",
  "claim.C1.explain":
    "一旦 |z| > {cutoff}，σ'(z) 就低于信号的 1%。大的 m 把大多数输入推到那里，曲线是平的；小的 m 让它们留在平缓的中段。",
  "claim.C2.title": "C2 · σ' ≈ 0 之处梯度消失，训练停滞",
  "claim.C2.measured":
    "η = {eta} 时：从 m0 = {smallM}（平均 σ' = {smallDydz}）出发，损失 {smallSteps} 步达标；从 m0 = {largeM}（平均 σ' = {largeDydz}）出发，需要 {largeSteps} 步：{steps} 步中有 {stalled} 步停滞，m 最终仍为 {finalM}。加上 L2（λ = {l2}）后，同样的起点 {l2Steps} 步达标。",
  "claim.C2.explain":
    "∂E/∂m = (y − t)·σ'(z)·x：无论输出错得多离谱，饱和的单元几乎不回传任何信号。L2 项在梯度中加上 λ·m，它不会消失，于是把权重拉回能够学习的区域。",
  "claim.C3.title": "C3 · ……或者越过极小值",
  "claim.C3.measured":
    "尝试的学习率：{rates}。从 m0 = {smallM} 出发，损失从不上升且能达标的有：{smallClean}。从 m0 = {largeM} 出发：{largeClean}——在 {stalledRates} 时停滞，在 {overshootRates} 时越过极小值（损失在 {rises} 步中上升）。加上 L2（λ = {l2}）后，从 m0 = {largeM} 出发：{l2Clean}。",
  "claim.C3.explain":
    "陡峭单元的梯度在平台上 ≈ 0，在台阶附近却很大：大到足以在平台上前进的学习率，到了台阶处就太大，更新会越过极小值。让权重保持较小，同一个学习率就处处适用。",
  "list.none": "无",
  "list.never": "超过 {steps}",

  // ── train ─────────────────────────────────────────────────────────────────
  "train.description": "训练一个带权重衰减的小型神经网络，并逐轮观察其内部。",
  "train.argument.file": "CSV 文件（含表头；目标列为 y，否则为最后一列）",
  "train.option.dataset": "使用内置二维数据集代替文件",
  "train.option.hidden": "各隐藏层宽度，逗号分隔",
  "train.option.activation": "隐藏层激活函数",
  "train.option.loss": "损失：squared（文章所用）或 log",
  "train.option.optimizer": "优化器",
  "train.option.lr": "学习率 η",
  "train.option.epochs": "训练轮数",
  "train.option.batch": "每个小批量的行数（0 表示全批量）",
  "train.option.l2": "L2 权重衰减 λ",
  "train.option.l1": "L1 惩罚 λ",
  "train.option.dropout": "隐藏单元的 dropout 概率",
  "train.option.earlyStop": "早停的耐心轮数（0 表示关闭）",
  "train.option.maxNorm": "每个单元输入权重的最大范数约束（0 表示关闭）",
  "train.option.init": "权重初始化方法",
  "train.option.initScale": "初始权重的倍数（> 1 即有意从大权重开始）",
  "train.option.samples": "二维数据集的点数",
  "train.option.noise": "二维数据集的噪声（标准差）",
  "train.option.trainRatio": "用于训练的行所占比例（其余为测试集）",
  "train.option.target": "CSV 文件中的目标列（默认为 y，否则为最后一列）",
  "train.option.na": "空单元格：报错（error）或丢弃该行（drop）",
  "train.option.quiet": "不显示进度条",
  "train.example.spiral": "在螺旋数据上训练 2-8-8-1 的 tanh 网络",
  "train.example.file": "乳腺癌数据，使用 L2 与早停",
  "train.needsData": "请给出一个 CSV 文件或 --dataset。",
  "train.summary":
    "{data}：训练 {train} 行，测试 {test} 行；{task}；网络 {sizes}，{activation}，{loss} 损失，{optimizer} η = {lr}；种子 {seed}。",
  "train.task.classification": "{classes} 类分类",
  "train.task.regression": "回归",
  "train.final":
    "第 {epoch} 轮：训练损失 {trainLoss}，测试损失 {testLoss}，差距 {gap}；训练准确率 {trainAccuracy}，测试准确率 {testAccuracy}。",
  "train.stoppedEarly": "已提前停止；保留第 {epoch} 轮（验证损失最佳）的权重。",
  "train.diverged":
    "训练在第 {epoch} 轮发散：损失或某个权重已不再是有限数。最大的链式法则因子是第 {layer} 层的 {factor}。请尝试更小的学习率、更大的 λ 或更小的初始权重。",
  "train.table.layer": "层",
  "train.table.units": "单元数",
  "train.table.saturated": "饱和比例",
  "train.table.dEda": "|∂E/∂a|",
  "train.table.dadz": "∂a/∂z",
  "train.table.dzdW": "|∂z/∂W|",
  "train.table.gradientNorm": "‖∂E/∂W‖",
  "train.table.weightNorm": "‖W‖",
  "train.table.weightMax": "最大 |w|",
  "train.sensitivity":
    "输入敏感度（ε = {epsilon}）：输出上为 {sensitivity}，logit 上为 {logit}；Lipschitz 上界 {lipschitz}。",
  "train.progress": "训练中",

  // ── experiment ────────────────────────────────────────────────────────────
  "experiment.description": "扫描 λ 或初始权重倍数，给出论断 C4 与 C5 背后的表格。",
  "experiment.argument.kind": "overfit、saturation 或 sensitivity",
  "experiment.option.lambdas": "扫描的 λ 值，逗号分隔",
  "experiment.option.scales": "饱和扫描中的初始权重倍数，逗号分隔",
  "experiment.example.overfit": "在螺旋数据上，训练/测试差距随 λ 的变化",
  "experiment.example.file": "在 CSV 文件上，敏感度随 λ 的变化",
  "experiment.badKind": "实验必须是 overfit、saturation 或 sensitivity，但收到的是 '{kind}'。",
  "experiment.table.lambda": "λ",
  "experiment.table.initScale": "初始倍数",
  "experiment.table.trainLoss": "训练损失",
  "experiment.table.testLoss": "测试损失",
  "experiment.table.testAccuracy": "测试准确率",
  "experiment.table.gap": "差距",
  "experiment.table.weightNorm": "‖W‖",
  "experiment.table.saturated": "饱和比例",
  "experiment.table.initialSaturated": "初始饱和比例",
  "experiment.table.gradientNorm": "‖∂E/∂W‖",
  "experiment.table.sensitivity": "敏感度",
  "experiment.table.lipschitz": "Lipschitz 上界",

  // ── 网络的图 ──────────────────────────────────────────────────────────────
  "figure.training.title": "逐轮训练过程",
  "figure.training.subtitle": "训练集与测试集上的损失；每层的饱和比例与梯度范数",
  "figure.axis.epoch": "轮次",
  "figure.axis.lossLog": "损失（对数坐标）",
  "figure.axis.saturated": "饱和比例",
  "figure.axis.gradientNorm": "‖∂E/∂W‖（对数坐标）",
  "figure.series.train": "训练",
  "figure.series.test": "测试",
  "figure.series.layer": "第 {layer} 层",
  "figure.boundary.title": "决策边界",
  "figure.boundary.subtitle": "颜色：预测为类别 1 的概率；实心点：训练行，圆环：测试行",
  "figure.sweep.title": "{what} 随 λ 的变化",
  "figure.sweep.titleScale": "{what} 随初始权重倍数的变化",
  "figure.sweep.subtitle": "{data}；每个点是从同一种子训练出的一个网络",
  "figure.axis.lambda": "L2 强度 λ",
  "figure.axis.initScale": "初始权重倍数",

  // ── 论断 C4、C5 ───────────────────────────────────────────────────────────
  "claim.C4.title": "C4 · 大权重让模型不稳定；L2 使其稳定",
  "claim.C4.measured":
    "在 {data} 上，λ 从 0 增至 {lambdaHigh} 时，权重范数从 {normLow} 降至 {normHigh}，输入敏感度从 {sensLow} 降至 {sensHigh}，Lipschitz 上界从 {lipLow} 降至 {lipHigh}；权重范数与敏感度的秩相关系数为 {correlation}。在 {realData} 上：Lipschitz 上界 {realLipLow} → {realLipHigh}，敏感度 {realSensLow} → {realSensHigh}。",
  "claim.C4.explain":
    "网络输出的变化速度，最多只能达到各层权重范数之积所允许的程度：权重大，输入的微小扰动就能让输出大幅变化。L2 让这些范数——以及这个上界——保持较小。",
  "claim.C5.title": "C5 · 大权重导致过拟合；合适的 λ 缩小训练/测试差距",
  "claim.C5.measured":
    "在 {data} 上：不加 L2 时，训练损失 {trainLow}，测试损失却为 {testLow}（差距 {gapLow}）；λ = {bestLambda} 时，训练损失 {trainBest}，测试损失 {testBest}（差距 {gapBest}）。在 {realData} 上：λ = {realBestLambda} 时差距 {realGapLow} → {realGapBest}，测试损失 {realTestLow} → {realTestBest}。",
  "claim.C5.explain":
    "没有惩罚时，网络把权重花在拟合训练数据的噪声上；惩罚让每一份权重都必须物有所值，于是学到的东西能推广到没见过的数据上。",

  // ── path、cv、predict ─────────────────────────────────────────────────────
  "path.description": "沿正则化路径拟合弹性网 GLM（与 glmnet 相同），并画出系数。",
  "path.argument.file":
    "CSV 文件（含表头；目标列为 y，否则为最后一列）、Parquet 表（.parquet 文件、包含它们的文件夹或通配符）、Arrow IPC 文件（.arrow、.feather、.arrows、.ipc），或稀疏设计矩阵：svmlight 文件（.svm、.svmlight、.libsvm）或 Matrix Market 文件（.mtx，配合 --response）",
  "path.option.family":
    "gaussian（预测数值）、binomial（两类）、poisson（计数）、cox（生存时间：--target TIME,STATUS）、multinomial（三类及以上）或 mgaussian（同时预测多个数值：--target Y1,Y2,…）",
  "path.option.alpha": "弹性网混合参数 α：1 为 lasso，0 为岭回归",
  "path.option.nlambda": "λ 的个数",
  "path.option.lambdaMinRatio": "最小 λ 占最大 λ 的比例（n > p 时默认 1e-4，否则 1e-2）",
  "path.option.lambda": "改用文件中的 λ 值（每行一个）",
  "path.option.noStandardize": "不对特征做标准化",
  "path.option.noIntercept": "不拟合截距",
  "path.option.save": "把拟合的模型以 JSON 保存到此文件（供 reglab predict 使用）",
  "path.example.lasso": "糖尿病数据的 lasso 路径",
  "path.example.binomial": "两类问题的弹性网，输出 JSON",
  "path.summary": "{family}，α = {alpha}，{n} 行，{p} 个特征；{count} 个 λ 值；拟合用时 {seconds} 秒。",
  "path.certificateNote":
    "每个 λ 都求解到最优性证书 ≤ {tolerance}（最大 {largest}）。glmnet 的默认停止规则停得更早，其证书通常在 1e-5 到 1e-3 之间（见 --tolerance）。",
  "path.table.df": "非零数",
  "path.table.devRatio": "%偏差解释",
  "path.table.lambda": "λ 值",
  "path.notBinary":
    "{file}：binomial 族需要两类目标，但 '{target}' 有 {count} 个不同取值。数值目标请用 --family gaussian。",
  "path.notClasses":
    "{file}：multinomial（多项）族需要类别标签作为目标（2 到 {max} 个不同的值），但 '{target}' 有 {count} 个。数值目标请用 --family gaussian。",
  "path.badLambdaFile": "{file}，第 {row} 行：'{value}' 不是不小于 2.2e-308 的正数。请每行写一个 λ > 0。",
  "path.notConverged": "警告：在 {count} 个 λ 值处，求解器在达到其最优性证书之前停止（最大 {certificate}）。",
  "cv.description": "对路径做交叉验证：按 glmnet 的定义给出 λ.min 与 λ.1se，并画出 CV 曲线。",
  "cv.option.folds": "折数 K",
  "cv.option.foldRule": "random（带种子的随机）或 mod（第 i 行，从 0 计，分到第 (i mod K) + 1 折）",
  "cv.option.foldid": "一个文件，逐行给出每一行数据所属的折（1 … K）",
  "cv.option.measure": "在留出行上评估的指标",
  "cv.example.mod": "使用 mod 规则的 10 折交叉验证，与 glmnet 的 foldid 一致",
  "cv.example.auc": "两类问题的 AUC",
  "cv.result":
    "λ.min = {min}（交叉验证{measure} {minError} ± {minSd}）；λ.1se = {oneSe}（交叉验证{measure} {oneSeError} ± {oneSeSd}）。",
  "cv.badFoldFile":
    "{file}，第 {row} 行：'{value}' 不是折编号（1 到 {folds} 之间的整数）。请为每一行数据写一个折编号。",
  "cv.foldCount": "{file} 有 {found} 个折编号，但数据有 {expected} 行。请每行给出一个。",
  "cv.progress": "折",
  "predict.description": "用 reglab path --save 或 reglab cv --save 保存的模型做预测。",
  "predict.argument.files": "MODEL.json 以及一个含相同特征列的 CSV 文件",
  "predict.option.s": "预测所用的 λ（CV 模型默认取 λ.1se，否则取最小的 λ）",
  "predict.option.type": "link（η）、response（数值或概率）或 class（类别）",
  "predict.example": "在 λ.1se 处预测为类别 1 的概率",
  "predict.needsFiles": "请给出模型文件和数据文件：reglab predict MODEL.json FILE。",
  "predict.badModel": "{file} 不是 reglab 模型（应由 reglab path --save 或 reglab cv --save 保存）。",
  "predict.missingFeature": "{file} 中没有模型拟合时用到的列 '{name}'。",
  "measure.deviance": "偏差",
  "measure.mse": "均方误差",
  "measure.mae": "平均绝对误差",
  "measure.class": "误分类率",
  "measure.auc": "AUC（ROC 曲线下面积）",
  "measure.C": "C 指数（Harrell 一致性指数）",
  "figure.path.title": "系数路径（{family}，α = {alpha}）",
  "figure.path.subtitle": "每条线是一个特征在原始尺度上的系数；λ 向右减小",
  "figure.path.logLambda": "λ（对数刻度）",
  "figure.path.classCoefficient": "系数，类别 {label}",
  "figure.path.coefficient": "系数",
  "figure.cv.title": "{folds} 折交叉验证",
  "figure.cv.subtitle": "各折的均值 ± 1 个标准误；虚线：λ.min = {min}，λ.1se = {oneSe}",

  // ── 数据 ──────────────────────────────────────────────────────────────────
  "data.notFound": "{file}：文件不存在。请检查路径。",
  "data.unreadable": "{file}：无法读取（{reason}）。请检查路径及其权限。",
  "data.empty": "{file} 是空的：需要一个表头行和至少一行数据。",
  "data.noRows": "{file} 只有表头，没有数据行。",
  "data.duplicateColumn": "{file}：第 {column} 列（'{name}'）与第 {first} 列同名。请让每一列都有自己的名字。",
  "data.noTarget": "{file}：没有名为 '{target}' 的列。现有列：{columns}。请用 --target 指定目标列。",
  "data.noFeatures":
    "{file}：除目标列 '{target}' 外没有任何特征列。reglab 读取以逗号分隔的文件：如果单元格以 ';' 或制表符分隔，请改存为逗号分隔。",
  "data.ragged":
    "{file}，第 {row} 行：有 {found} 个单元格，但表头有 {expected} 个。请检查是否缺少或多了逗号。",
  "data.emptyCell":
    "{file}，第 {row} 行，第 {column} 列（'{name}'）：单元格为空。请填入数值，或使用 --na drop 丢弃这样的行。",
  "data.notNumeric":
    "{file}，第 {row} 行，第 {column} 列（'{name}'）：'{value}' 不是数字。请使用以 '.' 为小数点的数字，或删除该行。",
  "data.infinite":
    "{file}，第 {row} 行，第 {column} 列（'{name}'）：'{value}' 是无穷大。请换成有限的数，或删除该行。",
  "data.allDropped": "{file}：所有行都有空单元格（已丢弃 {dropped} 行）；没有剩下任何行。",
  "data.notClasses":
    "{file}：log 损失要求目标列 '{target}' 为类别标签 0, 1, …, 19（最多 20 类），但第 {row} 行是 '{value}'。若目标是数值，请加 --loss squared（回归）。",
  "data.tooFewRows": "{file}：{n} 行太少，无法划分训练集和测试集；至少需要 {min} 行。",
  "warning.dropped": "{file}：已丢弃 {count} 行含空单元格的数据（--na drop）。",
  "warning.arrowNoEnd":
    "警告：{file} 是缺少流结束标记的 Arrow 流：如果它被截断（复制中断或写入程序中途停止），其中会缺少行，本次拟合也会缺少这些行。",
  "warning.constant": "{file}：列 '{name}' 是常数，不含信息，其权重为 0。",

  // ── 消息与错误 ────────────────────────────────────────────────────────────
  "message.wrote": "已写入 {path}",
  "error.prefix": "reglab：错误：",
  "error.hint": "运行 '{command} --help' 查看用法。",
  "error.unknownOption": "未知选项 '{option}'。",
  "error.unknownCommand": "未知命令 '{command}'。可用命令：{commands}。",
  "error.missingValue": "选项 '{option}' 需要一个值。",
  "error.tooManyArguments": "命令 '{command}' 不接受参数，但收到了 '{argument}'。",
  "error.notANumber": "{what} 必须是数字，但收到的是 '{value}'。",
  "error.notFinite": "{what} 必须是有限的数，但收到的是 '{value}'。",
  "error.notInteger": "{what} 必须是 ≥ {min} 的整数，但收到的是 '{value}'。",
  "error.notPositive": "{what} 必须大于 0，但收到的是 '{value}'。",
  "error.notNonNegative": "{what} 必须 ≥ 0，但收到的是 '{value}'。",
  "error.outOfRange": "{what} 必须在 {min} 与 {max} 之间，但收到的是 '{value}'。",
  "error.outOfRangeExclusive": "{what} 必须大于 {min} 且不超过 {max}，但收到的是 '{value}'。",
  "error.rangeOrder": "--x-min（{min}）必须小于 --x-max（{max}）。",
  "error.badChoice": "{what} 必须是 {choices} 之一，但收到的是 '{value}'。",
  "error.emptyList": "{what} 至少需要一个值。",
  "error.tooLarge": "{what} 过大（{value}）；为控制内存，最多允许 {max}。",
  "error.outNotWritable": "无法写入输出文件夹 '{path}'：{reason}。请用 --out 指定一个可写的文件夹。",
  "error.outIsFile": "输出路径 '{path}' 是一个文件而不是文件夹。请用 --out 指定一个文件夹。",
  "error.internal": "发生了意外错误：{message}。请加上 --debug 重新运行以查看出错位置，并报告此问题。",
  "csv.quoteNotClosed":
    "{file}，第 {row} 行：带引号的单元格没有闭合。请检查该行的引号：单元格内的引号要写成两个引号。",
  "csv.badQuote": "{file}，第 {row} 行：闭合引号后还有文字。请检查该行的引号：单元格内的引号要写成两个引号。",
  "csv.recordTooLarge": "{file}，第 {row} 行：这一行太长，不像 CSV 记录。请确认文件是逗号分隔的表格。",
  "csv.unreadable": "{file}，第 {row} 行：此处无法解析 CSV。请检查该行是否有多余的引号或分隔符。",
  "file.isDirectory": "{file} 是一个文件夹，不是文件。请给出 CSV 文件的路径。",
  "file.compressed":
    "{file} 是 {format} 压缩文件，不是 CSV 文本文件。请先解压（例如 'gunzip {file}'），再传入其中的 CSV。",
  "file.utf16":
    "{file} 是 UTF-16 文本；reglab 读取 UTF-8。请另存为“CSV UTF-8”（或用 'iconv -f UTF-16 -t UTF-8' 转换）。",
  "file.binary": "{file} 是二进制文件（第 {offset} 个字节不是文本），不是 CSV。请传入逗号分隔的文本文件。",
  "file.notUtf8": "{file}，第 {row} 行：文本不是有效的 UTF-8。请以 UTF-8 保存文件。",
  "file.tooLarge": "{file} 有 {size} 字节，超过此类文件允许的 {limit} 字节。请确认这是你要的文件。",
  "data.fileAndDataset": "同时给出了文件（'{file}'）和 --dataset {dataset}。请只传其中之一。",
  "file.systemPath":
    "'{path}' 位于 /proc、/sys 或 /dev 之内；reglab 不会往那里写任何东西。请选择普通文件夹。",
  "file.targetIsFolder": "'{path}' 是一个文件夹。请给出要写入的文件名。",
  "file.isInput": "'{path}' 是本次运行的输入文件；即使加了 --force，reglab 也从不覆盖输入。请换一个名字。",
  "file.exists": "'{path}' 已经存在。加 --force 以替换它，或换一个名字或 --out 文件夹。",
  "file.appeared": "reglab 运行期间出现了 '{path}'，已保持原样。加 --force 以替换它，或换一个名字。",
  "file.noFolder": "无法写入 '{path}'：文件夹 '{folder}' 不存在。请先创建它，或换一个路径。",
  "file.notWritable": "无法写入 '{path}'（{reason}）。请选择你有写权限的路径。",
  "option.force": "替换之前运行留下的文件（--out 中的图、--save 文件）；从不替换输入文件",
  "file.emptyName": "{option} 需要一个文件名，但得到的是空字符串。",
  "error.extraFile":
    "此命令只读取一个数据文件，但又收到了第二个：'{file}'。请只传一个文件（如需两者，请先合并表格）。",
  "glm.needsData":
    "请给出一个 CSV 文件（path 与 cv 拟合真实数据；--dataset 的二维数据集用于 train 与 experiment）。",
  "glm.tooFewRows": "{file}：{n} 行数据太少，无法计算正则化路径；至少需要 2 行。",
  "glm.constantTarget":
    "{file}：目标列 '{target}' 的值全都是 {value}：没有可解释的变化（偏差比将是 0/0）。请检查目标列（--target）。",
  "glm.zeroTarget":
    "{file}：目标列 '{target}' 全为 0，且没有截距，没有可解释的内容。请检查目标列（--target）。",
  "glm.extremeUnstandardized":
    "{file}：列 '{name}' 的数值量级为 {size}；不做标准化时其平方超出双精度范围。请去掉 --no-standardize，或重新缩放该列。",
  "cv.moreFoldsThanRows":
    "{file}：{n} 行数据却要 {folds} 折；每折至少需要一行。请使用不超过 {n} 折（通常为 10）。",
  "cv.tooFewFolds":
    "{file}：数据只分成了 {folds} 折；交叉验证至少需要 3 折（与 cv.glmnet 相同）。请用 --folds 3 或更多，或使用 1…K（K ≥ 3）的折编号。",
  "cv.foldGap": "{file}：折编号最大为 {folds}，但没有任何行属于第 {fold} 折。请将折连续编号为 1, 2, …, K。",
  "cv.foldHoldsClass":
    "{file}：类别 {label} 的全部 {count} 行都在第 {fold} 折中，去掉该折拟合的模型从未见过此类别。请减少折数，或使用能分散该类别的折编号。",
  "cv.aucOneClass":
    "{file}：第 {fold} 折中没有类别 {label} 的行，而 AUC 要求每一折都包含两个类别。请减少折数，或使用 --measure deviance。",
  "cv.measureFamily":
    "--measure {measure} 对 {family} 族没有意义：auc 仅用于 binomial，class 用于 binomial 与 multinomial，C 用于 cox，而 cox 模型只接受 deviance 或 C。请换一个 --measure（deviance 适用于所有族）。",
  "cv.notFinite":
    "{file}：λ = {lambda} 处的交叉验证误差无法计算（不是有限数）。请检查数据中的极端值，或减少折数。",
  "cv.foldsAndFoldid":
    "--folds 与 --foldid 都规定了如何划分数据。请只传其中之一：使用 --foldid 时，折就是文件中的编号。",
  "error.needsMemory":
    "{what} 约需要 {need} 内存，超过了 reglab 的预算 {budget}（本机内存的四分之一）。请选择更小的值。",
  "file.needsMemory":
    "{file}：约 {rows} 行 × {columns} 列，作为数值约需要 {need} 内存，超过了 reglab 的预算 {budget}（本机内存的四分之一）。请使用部分行或更少的列。",
  "error.emptyListItem": "{what} 的 '{value}' 中有空项。请用单个逗号分隔各值，例如 8,8。",
  "predict.option.na":
    "含空单元格的行：error（默认）报错，drop 丢弃，或 keep 保留其位置并输出空预测（--json 中为 null）",
  "model.unknownFamily":
    "{file}：模型的族 '{family}' 不是 reglab 能预测的族（gaussian、binomial、poisson、cox、multinomial）。请用 reglab path --save 或 cv --save 重新保存模型。",
  "model.missingField": "{file}：模型缺少字段 '{field}'。请用 reglab path --save 或 cv --save 重新保存模型。",
  "model.badShape":
    "{file}：模型字段 '{field}' 有 {found} 项，但需要 {expected} 项（每个 λ、特征或类别各一项）。请用 reglab path --save 或 cv --save 重新保存模型。",
  "sigmoid.overflow":
    "当 m = {m}、x 从 {min} 到 {max} 时，z = m·x 超出了最大双精度数（约 1.8e308），无法计算 z 与 σ'(z)。请缩小 x 的范围（--x-min、--x-max）或选择更小的斜率。",
  "result.notFinite":
    "结果中的 '{field}' 为 {value}，不是有限数：这些输入使它超出了双精度范围。请把输入缩放到接近 1 的量级（若输入很普通，请连同所运行的命令报告此问题）。",
  "glm.devianceOutOfRange":
    "目标列的数值量级约为 {size}，其偏差（与其平方成正比）超出了双精度范围，无法报告。请用一个十的幂把目标缩放到接近 1：系数与 λ 随之缩放，偏差比不变。",
  "path.emptyLambdaFile": "{file} 中没有任何 λ 值。请每行写一个正数。",
  "warning.library": "reglab 所用库的警告（原文）：{message}",
  "figure.boundary.thinned": "（共 {total} 个点，绘出 {shown} 个。）",
  "path.option.objective":
    "gaussian 且 α < 1 时：glmnet（岭部分除以 sd(y)：与 glmnet 在同一 λ 下的模型相同）或 as-written（½RSS/n + λ·惩罚，即 scikit-learn 的目标）",
  "path.asWrittenNote":
    "目标按原式（--objective as-written）：½RSS/n + λ·惩罚，与 scikit-learn 相同；glmnet 在这些 λ 下的模型不同（它把岭部分除以 sd(y)）。",
  "path.option.weights": "观测权重所在的列（≥ 0；该列随即不再作为特征），同 glmnet 的 weights",
  "path.option.columns":
    "特征列，按名称及所需顺序：a,b,c（文件中其他列不读取，无论其内容；目标列和 --weights 另行指定）",
  "glm.columnsTaken": "--columns 列出了 '{column}'，但它已由 {option} 使用。请从 --columns 中去掉它。",
  "glm.columnsRepeated": "--columns 把 '{column}' 列了两次。每个特征只列一次。",
  "glm.columnsHasTarget":
    "{file}：--columns 列出了目标列 '{column}'。请从 --columns 中去掉它，或用 --target 指定另一目标列。",
  "path.option.exclude": "排除在所有模型之外的特征，按名称或从 1 开始的位置：a,b,3（同 glmnet 的 exclude）",
  "path.option.penaltyFactor":
    "每个特征一个惩罚因子，写成列表（1,0,2,inf）或每行一个的文件：0 表示不惩罚，inf 表示排除；与 glmnet 的 penalty.factor 一样缩放为总和 p",
  "glm.noWeightsColumn": "{file}：没有供 --weights 使用的列 '{name}'。现有列：{columns}。",
  "glm.badWeight": "{file}，第 {row} 行：列 '{name}' 中的权重为 {value}；权重必须大于或等于 0。",
  "glm.zeroWeights": "{file}：列 '{name}' 中的权重全为 0，没有任何行参与拟合。请给部分行正的权重。",
  "glm.badExclude": "--exclude 中的 '{item}' 既不是特征名，也不是 1 到 {p} 之间的位置。特征：{columns}。",
  "glm.badPenaltyFactor": "--penalty-factor 中的 '{value}' 不是大于或等于 0 的数（或表示排除的 inf）。",
  "glm.penaltyFactorCount":
    "--penalty-factor 给出了 {found} 个因子，但共有 {p} 个特征：请按列的顺序为每个特征给一个。",
  "predict.classLabel": "类别 {label}",
  "predict.responseLabel": "响应 {label}",
  "predict.coefficient": "系数",
  "predict.intercept": "（截距）",
  "predict.noDataNeeded": "--type {type} 只显示模型本身，不读取数据文件；请只传 MODEL.json。",
  "cv.option.foldLambda":
    "own：每折使用自己的 λ 序列，再插值到全数据的 λ 上预测（cv.glmnet 的做法）；full：每折都使用全数据的 λ 序列",
  "file.writtenTwice": "'{path}' 是本次运行已经要写入的文件（例如一张图）。请换一个名字。",
  "file.notRegular":
    "{file} 不是普通文件（而是管道、设备或套接字）；reglab 只读取能读到结尾的文件。请先把数据保存成文件。",
  "descend.startNotFinite":
    "在这些设置下，起点的损失或惩罚不是有限数（--l2 × m0² 或 --noise 超过 1e308）。请选择更小的 --l2、--initial-weights 或 --noise。",
  "model.rule.distinct":
    "{file}：模型字段 '{field}' 中有重复项（{value}）；其各项必须互不相同。请用 reglab path --save 或 cv --save 重新保存模型。",
  "model.rule.decreasing":
    "{file}：模型的 λ 值必须从头到尾严格递减，与路径一致（{value}）。请用 reglab path --save 或 cv --save 重新保存模型。",
  "model.rule.value":
    "{file}：模型字段 '{field}' 的值为 {value}，reglab 不认识此值（版本为 1；族为 gaussian、binomial、multinomial）。请用 reglab path --save 或 cv --save 重新保存模型。",
  "model.rule.number":
    "{file}：模型字段 '{field}' 的值为 {value}，超出了允许范围（有限数；λ > 0；0 ≤ α ≤ 1；至少一项）。请用 reglab path --save 或 cv --save 重新保存模型。",
  "model.rule.type":
    "{file}：模型字段 '{field}' 的值为 {value}，但 reglab 模型在此处应为另一类值（数、列表或名称）。请用 reglab path --save 或 cv --save 重新保存模型。",
  "model.badJson":
    "{file} 不是有效的 JSON（约在第 {position} 个字符处）。请用 reglab path --save 或 cv --save 重新保存模型。",
  "data.missingColumn": "{file} 中没有所需的列 '{name}'。",
  "data.tooSmall":
    "{file}，第 {row} 行，第 {column} 列（'{name}'）：'{value}' 太小，无法表示为双精度数（小于约 5e-324），会被读成 0。请重新缩放该列，或直接写 0。",
  "error.repeatedOption": "{option} 出现了两次。请只给一次，写上你想要的值。",
  "error.ignoredOption": "{option} 与 {other} 同时使用时不起作用，因此报错而不是悄悄忽略。请去掉其中之一。",
  "error.emptyValue": "{option} 需要一个值，但得到的是空值。",
  "glm.coefficientOutOfRange":
    "'{name}' 的系数超过了最大双精度数（该列的单位太小，接近 1e-308）。请重新缩放该列。",
  "train.extremeValues":
    "{file}：列 '{name}' 的数值量级为 {size}；网络中它们的平方和超过了最大双精度数。请重新缩放该列（或将其标准化）。",
  "sigmoid.duplicateSlope": "斜率 {m} 出现了两次。每个斜率只给一次。",
  "path.option.offset":
    "一列数值，作为每行线性预测 η 中已知的部分（即 glmnet 的 offset；对 poisson 计数通常是每行暴露量的对数）；该列随即不再作为特征，predict 也读取同名列",
  "glm.offsetFamily":
    "--offset 适用于 gaussian、binomial 与 poisson 族，不适用于 multinomial（glmnet 在那里需要一个偏移矩阵，reglab 尚不支持）。请去掉 --offset，或换一个 --family。",
  "glm.noOffsetColumn": "{file}：没有供 --offset 使用的列 '{name}'。现有列：{columns}。",
  "glm.notZeroOne":
    "{file}，第 {row} 行：目标 '{target}' 为 {value}，但 binomial 族建模的是编码为 0 和 1 的结果。请把两个类别映射为 0 和 1（命令行会这样做），或换一个族。",
  "glm.negativeCount":
    "{file}，第 {row} 行：目标 '{target}' 为 {value}，但 poisson 族建模的是计数，必须大于或等于 0。请检查目标列（--target），或换一个 --family。",
  "glm.allZeroCounts":
    "{file}：目标 '{target}' 中（权重为正的行）所有计数都是 0：poisson 模型没有可解释的内容。请检查目标列（--target）。",
  "predict.classOfNumber":
    "--type class 需要分类模型（binomial 或 multinomial）；此模型是 {family}。请用 --type response 或 link。",
  "predict.missingOffset":
    "{file}：该模型拟合时使用了列 '{name}' 中的偏移，而此文件没有这一列。请加上该列（例如每行暴露量的对数），或用 --offset 指定另一列。",
  "predict.offsetWithoutModelOffset":
    "--offset：此模型拟合时没有使用偏移，因此预测也不接受偏移（glmnet 在这种情况下同样忽略 newoffset）。请去掉 --offset。",
  "predict.option.offset": "各行偏移所在的列（默认：模型拟合时使用的那一列）",
  "path.classLabels": "类别标签按排序后的顺序编码：{labels}（binomial 模型的系数偏向最后一类）",
  "path.option.lowerLimits":
    "系数的下限（≤ 0）：对所有特征给一个值，或按列表（-1,0,-inf）或文件为每个特征各给一个；使用特征本身的单位，同 glmnet 的 lower.limits",
  "path.option.upperLimits":
    "系数的上限（≥ 0）：对所有特征给一个值，或按列表（1,inf,0）或文件为每个特征各给一个；使用特征本身的单位，同 glmnet 的 upper.limits",
  "glm.badLowerLimit":
    "--lower-limits 中的 '{value}' 不是小于或等于 0 的数（无限制时写 -inf）：路径从所有系数为 0 开始，因此下限必须允许 0，与 glmnet 相同。",
  "glm.badUpperLimit":
    "--upper-limits 中的 '{value}' 不是大于或等于 0 的数（无限制时写 inf）：路径从所有系数为 0 开始，因此上限必须允许 0，与 glmnet 相同。",
  "glm.limitCount":
    "{option} 给出了 {found} 个限值，但共有 {p} 个特征：请给一个适用于全部的值，或按列的顺序为每个特征各给一个。",
  "glm.limitsFamily":
    "--lower-limits 与 --upper-limits 适用于 gaussian、binomial 与 poisson 族，不适用于 multinomial（reglab 尚不支持按类别限制系数）。请去掉限值，或换一个 --family。",
  "cv.foldHoldsEvents":
    "{file}：所有 {count} 个事件都在第 {fold} 折中，因此去掉这一折拟合的模型没有可学习的事件。请减少折数，或使用能分散事件的折编号。",
  "glm.coxTarget":
    "--target '{value}'：cox 族需要两列，即生存时间与事件状态（1 表示发生事件，0 表示删失），写作 --target TIME,STATUS。",
  "glm.coxColumns":
    "{file}：没有列 '{name}'。cox 族需要生存时间与事件状态（1 表示事件，0 表示删失）：请用 --target TIME,STATUS 指定（默认：time,status）。",
  "glm.badTime": "{file}，第 {row} 行：列 '{name}' 中的生存时间为 {value}；时间必须大于 0。",
  "glm.badStatus":
    "{file}，第 {row} 行：列 '{name}' 中的事件状态为 {value}；它必须是 1（事件）或 0（删失）。",
  "glm.noEvents":
    "{file}：状态列 '{name}' 中没有事件（没有 1）：Cox 模型没有可学习的内容。请检查该列（--target TIME,STATUS）。",
  "path.option.relax":
    "同时拟合松弛 lasso（即 glmnet 的 relax = TRUE）：对每个 λ 的模型去掉惩罚重新拟合；predict 用 --gamma 混合两者",
  "cv.option.gamma":
    "配合 --relax：要交叉验证的 γ 值，[0, 1] 中的列表（默认 0,0.25,0.5,0.75,1；总会加入 lasso 本身 γ = 1）",
  "cv.gammaWithoutRelax":
    "--gamma 在松弛 lasso 的拟合之间选择，而只有 --relax 才会产生这些拟合。请加上 --relax，或去掉 --gamma。",
  "cv.badGamma": "--gamma 中的 '{value}' 不是 0 到 1 之间的数。",
  "cv.relaxedResult":
    "松弛 lasso：λ.min = {min}，γ = {gammaMin}；λ.1se = {oneSe}，γ = {gammaOneSe}（γ = 1 即 lasso，0 即无惩罚的重新拟合）。",
  "glm.relaxFamily":
    "--relax 适用于 gaussian、binomial、poisson 与 cox 族，不适用于 multinomial（reglab 尚不支持按类别重新拟合）。请去掉 --relax，或换一个 --family。",
  "predict.option.gamma":
    "对用 --relax 拟合的模型：混合 γ b_lasso + (1 − γ) b_refit，γ 取 [0, 1]（默认：cv 得到的 γ.1se，否则为 1，即 lasso）",
  "predict.gammaWithoutRelax":
    "--gamma：此模型拟合时没有使用 --relax，因此没有可混合的重新拟合。请用 --relax 重新拟合，或去掉 --gamma。",
  "path.limitsNote":
    "有系数限值时，路径按 reglab 通常的规则提前停止；glmnet 在有限值时的提前停止可能不触发（在 diabetes 上下限为 0 时它拟合全部 100 个 λ），因此两条路径的长度可能不同，但在共同的 λ 上一致。",
  "figures.notDrawn": "未绘制图形：给了 --json 而没有 --out 时只输出数字（加上 --out 目录即可得到图形）",
  "path.option.tolerance":
    "每个 λ 求解到的证书：KKT 违背量 / λ_max，高斯族为对偶间隙（默认 1e-7）；越大越快也越不精确 —— 取 1e-5 时多项式路径快 2–5 倍，其交叉验证曲线与 cv.glmnet 相差约 1e-4",
  "stats.badField":
    "{file}：统计量字段 '{field}' 缺失或不是有限数。请给出 --explain 的语句返回的那一行（n、weight_total、mean__…、cov__…）。",
  "stats.noRows":
    "{file}：没有剩下可以拟合的行（表为空，或 --where、--na drop 把行都去掉了）。请检查文件和条件。",
  "stats.noTarget": "{file}：统计量的均值中没有列 '{target}'。请用 --target 指定目标列。",
  "stats.noFeatures": "{file}：除目标列（和权重列）外没有特征列。路径至少需要一个特征。",
  "table.arrowEmpty": "{file} 是空文件（0 字节）：Arrow IPC 文件应包含 schema 和记录批（record batch）。",
  "table.arrowNoRows": "{file} 只有 Arrow schema，没有任何行。",
  "table.arrowIsOther":
    "{file} 是 {format} 文件，不是 Arrow IPC，尽管文件名是 .arrow。请使用与其格式相符的扩展名（Parquet 文件用 .parquet；CSV 用 .csv）。",
  "table.keyColumn":
    "{file}：有一列名为 '{column}'，这正是折用来标记每行键（所在文件或位置）的名称。请重命名该列后再在表上交叉验证，或在内存中对 CSV 交叉验证。",
  "table.arrowNoFiles":
    "“{file}”没有对应任何 Arrow 文件（.arrow、.arrows、.ipc、.feather）。请检查匹配模式或文件夹。",
  "table.mixedFolder":
    "“{file}”中同时有 Parquet 和 Arrow 文件，而一张表只能是其中一种。请给出一种文件的通配模式（'{file}/*.parquet' 或 '{file}/*.arrow'），或把它们分放在不同文件夹中。",
  "table.arrowSchemas":
    "{file}：列“{column}”在此为 {type}，而在 {first} 中为 {firstType}；同一张表的文件需要相同的列。请统一转换，或只给出一个文件。",
  "table.arrowMissingColumn":
    "{file} 没有列“{column}”，而 {first} 有；同一张表的文件需要相同的列。请统一转换，或用 --columns 选择要读取的列。",
  "table.arrowExtraColumn":
    "{file} 有一列“{column}”，而 {first} 没有；同一张表的文件需要相同的列。请统一转换，或用 --columns 选择要读取的列。",
  "table.arrowUnreadable":
    "{file}：不是 reglab 能读取的 Arrow IPC 文件（{reason}）。请以 Arrow 的 IPC 文件或流格式写出（pyarrow.feather.write_feather(table, path)），或改用 Parquet。",
  "table.queryFailed": "{file}：DuckDB 无法读取：{reason}。请检查文件（以及 --where 条件）。",
  "table.noColumn": "{file}：{option} 指定的 '{column}' 不是表中的列。请检查列名（区分大小写）。",
  "table.roleNotNumeric":
    "{file}：{option} 指定的列 '{column}' 的类型是 {type}，不是数字。请用 {option} 指定一个数字列，或先转换该列。",
  "table.notNumeric":
    "{file}：列 '{column}' 的类型是 {type}，不是数字。可用 --exclude {column} 排除它，或先转换。",
  "table.notFiniteCells":
    "{file}：列 '{column}' 有 {count} 个不是有限数的值（NaN 或 ±∞）。请排除这些行（--where 'isfinite(\"{column}\")'）或修正它们。",
  "table.emptyCells": "{file}：列 '{column}' 有 {count} 个空单元格。传入 --na drop 以去掉这些行，或先填补。",
  "table.onlyGaussian":
    "{file}：通过 DuckDB 读取的表（Parquet，或加了 --stream 的 CSV）上的路径目前支持 gaussian、binomial 和 poisson，基于 --stats 的只支持 gaussian：{family} 族尚未支持数据表。请把数据读入内存（不加 --stream 的 CSV）。",
  "table.randomWhere":
    "--where '{where}' 使用了随机数：表会被扫描不止一次（先算均值，再算求和），每次扫描保留的行都会不同。请改用某一列的哈希来选行（例如 --where 'hash(id) % 2 = 0'）。",
  "table.optionNotHere":
    "{option} 目前还不能用于通过 DuckDB 读取的表（Parquet、Arrow、加了 --stream 的 CSV）或 --stats。请改用读入内存的 CSV。",
  "table.explainOnly": "--explain 打印 Parquet 表的统计语句；使用 --stats 时没有语句可打印。",
  "path.option.where": "选择 Parquet 表中行的 SQL 条件（例如 'year >= 2020'）",
  "path.option.explain": "打印计算路径统计量的 SQL 语句（以便在其他引擎上运行）后停止",
  "path.option.stats": "用统计量而不是原始行拟合 gaussian 路径：--explain 的语句返回的那一行 JSON",
  "path.option.saveStats": "同时写出从 Parquet 表算得的统计量（语句返回的那一行，JSON 格式）",
  "table.needsTable":
    "{option} 用于通过 DuckDB 读取的表上的路径：Parquet 表（.parquet 文件、包含它们的文件夹或通配符）、Arrow IPC 文件，或加了 --stream 的 CSV。请给出这样的输入，或去掉 {option}。",
  "table.notBinary":
    "{file}：基于表的 binomial 路径要求目标列 '{target}' 只含 0 和 1（两者都要有）。请重新编码（例如在视图中用 CASE），或改用 CSV（其读取器会为两个标签编码）。",
  "table.diverged":
    "{file}：逻辑回归拟合超出了双精度数的范围（也许在此 λ 下两类可分）。请用更大的 --lambda-min-ratio，或 α < 1。",
  "path.passes": "遍历表 {passes} 次（其中 {light} 次为轻量遍历：只算损失与梯度）",
  "path.passesProgress": "遍历数据表",
  "table.weightsIsTarget":
    "{file}：--weights 指定的是目标列 '{column}'。请给出权重自己的列，或换一个 --target。",
  "table.targetNotNumeric":
    "{file}：目标列 '{column}' 的类型是 {type}，不是数字。请把它编码为数字（两类时为 0 和 1），或用 --target 指定其他列。",
  "table.negativeWeight": "{file}：列 '{column}' 中的权重最小为 {value}；权重必须 ≥ 0。",
  "table.zeroWeights":
    "{file}：在所选的行上，列 '{column}' 的权重之和为 0：没有一行起作用。请检查该列（以及 --where）。",
  "table.notFinite":
    "{file}：列 '{column}' 的值求和后超出双精度范围（值接近 1e300，或为 NaN、∞）。请缩放或清理该列，或用 --exclude 排除它。",
  "stats.impossible":
    "{file}：字段 '{field}' 对任何数据都不可能成立（n 小于 2、权重和 ≤ 0、方差为负或相关系数超出 ±1）。请检查统计量那一行。",
  "stats.notObject":
    "{file} 不是一个 JSON 对象（或只含一个对象的数组）：请给出 --explain 的语句返回的那一行。",
  "table.statsIgnores":
    "{option} 无法改变基于 --stats 的路径：统计量已经算好。请在语句中使用它（reglab path 表 {option} … --explain）。",
  "table.explainBinomial":
    "--explain 打印 gaussian 统计量的语句；binomial 或 poisson 路径每个牛顿步运行一条语句，没有单独一条可打印。",
  "table.modNeedsFile":
    "{file}：--fold-rule mod 按行在单个文件中的位置编号；对于文件夹或通配符请用 --fold-rule random（对每行的文件与位置做带种子的哈希）。",
  "table.emptyFold": "{file}：{folds} 折中的第 {fold} 折没有任何行。请减少 --folds。",
  "table.cvMeasure":
    "表上的 {family} 交叉验证目前可用的评分为 {measures}。如需其他评分，请在内存中对 CSV 做交叉验证。",
  "table.foldUnfittable":
    "{file}：第 {fold} 折（共 {folds} 折）之外的行无法拟合：其目标只有一个类别（binomial），或没有大于 0 的计数（poisson）。请减少 --folds，或使用 --fold-rule random。",
  "table.cvFoldIds": "数据表的折不逐行列出：fold_rule_sql 给出每行所属的折，fold_sizes 给出各折大小",
  "table.scanning": "扫描数据表",
  "table.rowsRead": "已读 {rows} 行",
  "table.notCounts": "{file}：poisson 路径要求目标列 '{target}' 为计数：≥ 0 的数，且不全为 0。",
  "file.arrow":
    "{file} 是 Arrow IPC 文件：reglab path 和 reglab cv 可以读取它（作为表，在内存之外处理）；本命令需要 CSV。可用 pyarrow 写出：pyarrow.csv.write_csv(pyarrow.ipc.open_file('{file}').read_all(), 'data.csv')（流格式用 pyarrow.ipc.open_stream）。",
  "file.parquet":
    "{file} 是 Parquet 文件：reglab path 和 reglab cv 可以读取它（作为数据表，无需载入内存）；此命令需要 CSV。DuckDB 可以写出：COPY (SELECT * FROM '{file}') TO 'data.csv' (HEADER)。",
  "table.modFiltered":
    "{file}：--fold-rule mod 按文件中的行号分折，早于 --where 或 --na drop 去掉行，因此与只含保留行的 CSV 的分折不同。这里请用 --fold-rule random。",
  "table.zeroWeightFold":
    "{file}：第 {fold} 折中所有行的权重都是 0。请换一个 --fold-rule 或 --seed，或检查权重。",
  "table.statsGaussianOnly":
    "--stats 只能拟合 gaussian 路径：{family} 路径需要遍历原始行（请直接给出 Parquet 表）。",
  "table.cvGaussianOnly":
    "通过 DuckDB 读取的表（Parquet、Arrow，或加了 --stream 的 CSV）上的交叉验证目前支持 gaussian、binomial 与 poisson。{family} 族请在内存中交叉验证（不加 --stream 的 CSV）。",
  "sparse.duplicate":
    "{file}，第 {line} 行：第 {row} 行第 {column} 列已经有值（第 {first} 行）。每个单元格只写一次。",
  "sparse.badLabel": "{file}，第 {line} 行：标签 '{value}' 不是数字。每行先写目标值，再写 index:value 对。",
  "sparse.badPair":
    "{file}，第 {line} 行：'{token}' 不是 index:value 对（一个 ≥ 0 的整数、冒号、一个有限数）。请修正或删除它。",
  "sparse.empty": "{file} 中没有任何行。每行写一行数据：目标值，然后是 index:value 对。",
  "sparse.noFeatures": "{file} 的任何一行都没有 index:value 对，因此没有可拟合的特征。",
  "mtx.empty":
    "{file} 中没有矩阵元素（长度为零或只有文件头的 Matrix Market 文件）。请用 Matrix::writeMM 或 scipy.io.mmwrite 写出矩阵。",
  "mtx.banner":
    "{file} 不是以 Matrix Market 文件头（'%%MatrixMarket matrix coordinate real general'）开头；读到的是 '{found}'。",
  "mtx.unsupported":
    "{file} 是 Matrix Market 的 '{kind}' 矩阵；reglab 读取 coordinate 格式、real/integer/pattern 类型、general 对称性的矩阵。请以 'coordinate real general' 写出。",
  "mtx.size": "{file}，第 {line} 行：应为尺寸行 '行数 列数 元素数'（三个整数），读到的是 '{found}'。",
  "mtx.entry": "{file}，第 {line} 行：应为元素 '行 列 值'，读到的是 '{found}'。",
  "mtx.outOfRange":
    "{file}，第 {line} 行：第 {row} 行第 {column} 列的元素超出了尺寸行声明的 {n} × {p} 矩阵。请修正该元素或尺寸行。",
  "mtx.count": "{file}：尺寸行声明了 {expected} 个元素，但文件中有 {found} 个。请修正尺寸行或元素。",
  "sparse.badTarget": "{file}，第 {row} 行：目标值 {value} 不是 0 或 1，而 {family} 族需要 0 或 1。",
  "sparse.constantTarget": "{file}：所有目标值都相同，模型没有可解释的东西。",
  "sparse.oneClass": "{file}：所有目标值都是 {value}；二项模型需要两个类别的行。",
  "sparse.nothingToFit": "{file}：所有特征都是常数（或在 λ = ∞ 处与目标无关），路径无处开始。",
  "sparse.optionNotHere":
    "{option} 目前还不能用于稀疏输入（svmlight、Matrix Market）。如需使用，请把数据写成 CSV。",
  "sparse.family":
    "{family} 族目前还不能用于稀疏输入；请使用 --family gaussian 或 binomial，或把数据写成 CSV。",
  "sparse.responseBesideSvmlight":
    "{file} 是 svmlight 文件，自带目标值（每行的第一个值）：请去掉 --response。",
  "sparse.needsResponse":
    "{file} 是 Matrix Market 文件，只含 X：请用 --response FILE 给出目标值（每行一个数，每个数据行一行）。",
  "sparse.badResponse": "{file}，第 {row} 行：'{value}' 不是数字。请每行写一个目标值。",
  "sparse.responseLength": "{file} 有 {rows} 个值，但 {matrix} 有 {n} 行。请为每一行给出一个目标值。",
  "sparse.notTwoClasses": "{file}：二项族需要恰好两个不同的目标值；实际有 {count} 个。",
  "sparse.responseNeedsMtx":
    "--response 用于给出 Matrix Market（.mtx）文件的目标值；CSV 文件的目标是其中的一列（--target）。",
  "path.option.response": "Matrix Market（.mtx）设计矩阵的目标值：每行一个数、每个数据行一行的文件",
  "path.sparseSummary":
    "稀疏设计矩阵：{nonzeros} 个非零元（占全部单元格的 {density} %），以压缩稀疏列（CSC）格式存放",
  "sparse.indexTooLarge":
    "{file}，第 {line} 行：第 {index} 列超出了 reglab 为稀疏设计矩阵保留的 {limit} 列。请重新编号各列（或散列到更少的列）。",
  "path.noUsableFeature":
    "{file}：所有特征都是常数（或被排除），路径无处开始（glmnet 会返回 λ = NaN）。请至少提供一个有变化的特征。",
  "glm.mgaussianTargets":
    "mgaussian 族同时拟合多个数值响应：请用 --target 指定至少两列，例如 --target y1,y2。",
  "glm.mgaussianRepeated": "--target 两次指定了列 '{name}'；每个响应只需指定一次。",
  "glm.mgaussianOption":
    "mgaussian 族暂不支持 {option}（reglab 可拟合其路径、做交叉验证、保存模型并预测；但尚不支持偏移量、系数上下限和 relaxed 拟合）。请去掉 {option}，或用 --family gaussian 逐个拟合各响应。",
  "glm.noResponseColumn": "{file}：没有可作为响应的列 '{name}'（--target）。现有列：{columns}。",
  "path.responses": "同时拟合的响应（每个特征要么进入全部响应的模型，要么都不进入）：{names}",
  "figure.path.responseCoefficient": "系数，响应 {label}",
  "predict.sparseColumn":
    "{file}：列 {name} 有非零值，但模型没有这个特征（其特征为 {first} … {last}）。稀疏文件的列按其序号命名，与拟合模型时相同：请按相同的列编号写出各行。",
  "sparse.modelWithOffset":
    "该模型拟合时使用了偏移量，而稀疏文件无法包含偏移量列；请用含有偏移量列的 CSV 文件做预测。",
  "glm.allUnpenalized":
    "所有惩罚因子都是 0，没有特征受到惩罚，任何 λ 都不改变模型：没有路径可算（glmnet 会以错误 10000 停止）。请至少给一个特征大于 0 的因子。",
  "glm.objectiveForFamily":
    "--objective as-written 只用于 gaussian 族的弹性网；{family} 族只有一个目标函数，即 glmnet 的目标函数，它与原式相同。请去掉 --objective。",
  "path.firstLambdaNote":
    "与 glmnet 不同：第一个 λ 的模型是实际拟合的（α < 0.001 时它不全为零）；glmnet 在那里把所有受惩罚的系数报告为零，仿佛该 λ 为无穷大。从第二个 λ 起两者拟合的是同一个问题。",
  "table.rowsInMemory":
    "表很小（{rows} 行）：其行已读入内存，按 CSV 的方式拟合（加 --stream 则改为逐遍扫描表来拟合）",
  "path.option.stream":
    "从不把行读入内存：CSV 通过 DuckDB 分块读取，任何表上的 binomial 或 poisson 路径即使很小也逐遍扫描表来拟合（在内存之外计算）：用于比内存还大的文件",
  "table.streamNeedsCsv":
    "--stream 通过 DuckDB 读取 CSV 文件（.csv、.tsv，可为 gzip 压缩）；{file} 不是。请给出 CSV 文件，或去掉 --stream。",
  "table.foldsMod": "折数：{folds}，每行按其在文件中的位置分折（--fold-rule mod，与内存中读取的 CSV 相同）。",
  "table.foldsHash":
    "折数：{folds}，每行按其文件与位置的带种子哈希分折（种子 {seed}）：可复现，但与内存中 CSV 的随机打乱不同，因此折与 λ.min 会不同；--fold-rule mod 给出与 CSV 相同的折。",
  "table.foldsHashFiles":
    "折数：{folds}，每行按其文件（文件夹下或通配模式固定前缀下的路径）与其在文件中的位置的带种子哈希分折（种子 {seed}）：可复现。mod 折按单个文件的行号分折，只适用于单个文件。",
  "table.csvNotNumber":
    "{file}，第 {row} 行，列 '{name}'：'{value}' 不是数字。请使用以 '.' 为小数点的数字，或删除该行。",
  "glm.classOfOne":
    "{file}：类别 {label} 只有 {count} 行；分类模型的每个类别至少需要两行（glmnet 同样拒绝只有一行的类别）。请补充该类别的行，或去掉那一行。",
  "cv.foldLeavesOne":
    "{file}：去掉第 {fold} 折后，类别 {label} 只剩一行用于训练，glmnet 同样拒绝。请减少折数，或用 --foldid 把该类别分散到各折。",
  "glm.responsesConstant":
    "{file}：每个响应（{targets}）都是常数，没有可解释的内容（偏差比将是 0/0）。请检查 --target 指定的列。",
  "glm.responsesZero":
    "{file}：所有响应（{targets}）的值全为 0，且没有截距，没有可解释的内容。请检查 --target 指定的列。",
  "what.m": "斜率 m",
  "what.option": "选项 {option}",
};
