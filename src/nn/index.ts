export {
  ACTIVATION_NAMES,
  type Activation,
  type ActivationName,
  activateInto,
  activations,
} from "./activations.js";
export { LOSS_NAMES, type LossName, lossAndGradient, softmaxInto } from "./losses.js";
export {
  backward,
  cloneNetwork,
  createNetwork,
  createWorkspace,
  forward,
  INITIALIZERS,
  type InitializerName,
  type Network,
  type NetworkSpec,
  type Workspace,
} from "./network.js";
export { createOptimizer, OPTIMIZER_NAMES, type Optimizer, type OptimizerName } from "./optimizers.js";
export { predict } from "./predict.js";
export {
  addPenaltyGradient,
  applyMaxNorm,
  NO_REGULARIZATION,
  penalty,
  type Regularization,
} from "./regularizers.js";
export { encodeTargets, type Task, taskFor } from "./task.js";
export {
  type EpochDiagnostics,
  evaluateNetwork,
  TRAIN_DEFAULTS,
  type TrainOptions,
  type TrainResult,
  trainNetwork,
} from "./train.js";
export {
  createTrainer,
  type LiveSettings,
  TRAINER_DEFAULTS,
  type Trainer,
  type TrainerOptions,
} from "./trainer.js";
