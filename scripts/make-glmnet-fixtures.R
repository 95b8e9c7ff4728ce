# Reference fixtures from glmnet for reglab's GLM tests. Regenerate with:
#   Rscript scripts/make-glmnet-fixtures.R        (needs Debian's r-cran-glmnet and r-cran-jsonlite)
# Each fixture: the data file, family, alpha, glmnet's lambda sequence, intercepts a0, coefficients
# beta (p × L, original scale), dev.ratio, df, nulldev, and cv.glmnet's lambda.min / lambda.1se with
# fold ids given by the "mod" rule (row i, 0-based, in fold (i mod 10) + 1).
suppressMessages({ library(glmnet); library(jsonlite) })

read_data <- function(file, binomial = FALSE) {
  d <- read.csv(file.path("data", file), check.names = FALSE)
  list(x = as.matrix(d[, setdiff(names(d), "y"), drop = FALSE]), y = d$y)
}

fixture <- function(name, file, family, alpha) {
  data <- read_data(file)
  fit <- glmnet(data$x, data$y, family = family, alpha = alpha)
  foldid <- (seq_len(nrow(data$x)) - 1) %% 10 + 1
  cv <- cv.glmnet(data$x, data$y, family = family, alpha = alpha, foldid = foldid, lambda = fit$lambda)
  out <- list(
    name = name, file = file, family = family, alpha = alpha, n = nrow(data$x), p = ncol(data$x),
    glmnet_version = as.character(packageVersion("glmnet")),
    lambda = fit$lambda, a0 = as.numeric(fit$a0), beta = unname(as.matrix(fit$beta)),
    dev_ratio = fit$dev.ratio, df = fit$df, nulldev = fit$nulldev,
    cv_measure = "deviance", cvm = cv$cvm, cvsd = cv$cvsd,
    lambda_min = cv$lambda.min, lambda_1se = cv$lambda.1se
  )
  write(toJSON(out, digits = NA, auto_unbox = TRUE, matrix = "columnmajor"),
        file.path("test/fixtures/glmnet", paste0(name, ".json")))
  cat(name, length(fit$lambda), "lambdas\n")
}

fixture("diabetes-gaussian-lasso", "diabetes.csv", "gaussian", 1)
fixture("diabetes-gaussian-enet", "diabetes.csv", "gaussian", 0.5)
fixture("breast-cancer-binomial-lasso", "breast_cancer.csv", "binomial", 1)
fixture("breast-cancer-binomial-enet", "breast_cancer.csv", "binomial", 0.5)
fixture("wine-gaussian-lasso", "wine.csv", "gaussian", 1)

# Multinomial ("ungrouped", glmnet's default): a0 is K × L, beta one p × L matrix per class;
# probabilities of the first 20 rows at every λ check predictions.
fixture_multinomial <- function(name, file, alpha) {
  data <- read_data(file)
  y <- factor(data$y)
  fit <- glmnet(data$x, y, family = "multinomial", alpha = alpha)
  foldid <- (seq_len(nrow(data$x)) - 1) %% 10 + 1
  cv <- cv.glmnet(data$x, y, family = "multinomial", alpha = alpha, foldid = foldid, lambda = fit$lambda)
  probability <- predict(fit, data$x[1:20, , drop = FALSE], type = "response") # 20 × K × L
  out <- list(
    name = name, file = file, family = "multinomial", alpha = alpha, n = nrow(data$x), p = ncol(data$x),
    glmnet_version = as.character(packageVersion("glmnet")), classes = levels(y),
    lambda = fit$lambda, a0 = unname(as.matrix(fit$a0)),
    beta = lapply(fit$beta, function(b) unname(as.matrix(b))),
    dev_ratio = fit$dev.ratio, df = fit$df, dfmat = unname(as.matrix(fit$dfmat)), nulldev = fit$nulldev,
    probability = lapply(seq_along(fit$lambda), function(k) unname(probability[, , k])),
    cv_measure = "deviance", cvm = cv$cvm, cvsd = cv$cvsd,
    lambda_min = cv$lambda.min, lambda_1se = cv$lambda.1se
  )
  write(toJSON(out, digits = NA, auto_unbox = TRUE, matrix = "rowmajor"),
        file.path("test/fixtures/glmnet", paste0(name, ".json")))
  cat(name, length(fit$lambda), "lambdas\n")
}

fixture_multinomial("iris-multinomial-lasso", "iris.csv", 1)
fixture_multinomial("wine-multinomial-lasso", "wine.csv", 1)
fixture_multinomial("wine-multinomial-enet", "wine.csv", 0.5)

# glmnet's per-column and per-row options: observation weights, penalty factors (one of them Inf,
# which glmnet treats as exclude) and exclude, on diabetes (gaussian, α = 0.5: glmnet standardizes
# y with the weights) and breast cancer (binomial). weights_i = 1 + (i mod 3), 0-based i.
fixture_options <- function(name, file, family, alpha, penalty, exclude) {
  data <- read_data(file)
  weights <- 1 + (seq_len(nrow(data$x)) - 1) %% 3
  fit <- glmnet(data$x, data$y, family = family, alpha = alpha, weights = weights,
                penalty.factor = penalty, exclude = exclude, thresh = 1e-12)
  out <- list(
    name = name, file = file, family = family, alpha = alpha, n = nrow(data$x), p = ncol(data$x),
    glmnet_version = as.character(packageVersion("glmnet")),
    weights = "1 + (i mod 3)", penalty_factor = ifelse(is.infinite(penalty), "inf", penalty),
    exclude = exclude,
    lambda = fit$lambda, a0 = as.numeric(fit$a0), beta = unname(as.matrix(fit$beta)),
    dev_ratio = fit$dev.ratio, df = fit$df, nulldev = fit$nulldev
  )
  write(toJSON(out, digits = NA, auto_unbox = TRUE, matrix = "columnmajor"),
        file.path("test/fixtures/glmnet", paste0(name, ".json")))
  cat(name, length(fit$lambda), "lambdas\n")
}

fixture_options("diabetes-gaussian-options", "diabetes.csv", "gaussian", 0.5,
                c(0.5, 1, 1, 2, 1, 1, 1, 1, 3, Inf), c(2))
fixture_options("breast-cancer-binomial-options", "breast_cancer.csv", "binomial", 1,
                c(rep(1, 10), rep(2, 10), rep(0.5, 9), Inf), c(1, 5))

# Without an intercept: glmnet still scales each column by its standard deviation (it does not
# center it), and a logistic path starts where the gradient at η = 0 is xᵀ(y − ½).
fixture_no_intercept <- function(name, file, family, alpha) {
  data <- read_data(file)
  fit <- glmnet(data$x, data$y, family = family, alpha = alpha, intercept = FALSE, thresh = 1e-12)
  out <- list(
    name = name, file = file, family = family, alpha = alpha, n = nrow(data$x), p = ncol(data$x),
    glmnet_version = as.character(packageVersion("glmnet")), intercept = FALSE,
    lambda = fit$lambda, a0 = as.numeric(fit$a0), beta = unname(as.matrix(fit$beta)),
    dev_ratio = fit$dev.ratio, df = fit$df, nulldev = fit$nulldev
  )
  write(toJSON(out, digits = NA, auto_unbox = TRUE, matrix = "columnmajor"),
        file.path("test/fixtures/glmnet", paste0(name, ".json")))
  cat(name, length(fit$lambda), "lambdas\n")
}

fixture_no_intercept("diabetes-gaussian-nointercept", "diabetes.csv", "gaussian", 1)
fixture_no_intercept("breast-cancer-binomial-nointercept", "breast_cancer.csv", "binomial", 1)

# cv.glmnet as a user calls it: each fold on its own λ sequence, predictions at the full data's λ
# by interpolation (the fixtures above pass lambda = fit$lambda, so their folds share one sequence).
fixture_cv_default <- function(name, file, family, alpha, measure = "deviance") {
  data <- read_data(file)
  y <- if (family == "multinomial") factor(data$y) else data$y
  foldid <- (seq_len(nrow(data$x)) - 1) %% 10 + 1
  cv <- cv.glmnet(data$x, y, family = family, alpha = alpha, foldid = foldid, thresh = 1e-12,
                  type.measure = measure)
  out <- list(
    name = name, file = file, family = family, alpha = alpha, fold_rule = "mod", measure = measure,
    glmnet_version = as.character(packageVersion("glmnet")),
    lambda = cv$lambda, cvm = cv$cvm, cvsd = cv$cvsd,
    lambda_min = cv$lambda.min, lambda_1se = cv$lambda.1se
  )
  write(toJSON(out, digits = NA, auto_unbox = TRUE), file.path("test/fixtures/glmnet", paste0(name, ".json")))
  cat(name, length(cv$lambda), "lambdas\n")
}

fixture_cv_default("diabetes-gaussian-enet-cv", "diabetes.csv", "gaussian", 0.5)
fixture_cv_default("wine-gaussian-lasso-cv", "wine.csv", "gaussian", 1)
fixture_cv_default("breast-cancer-binomial-lasso-cv", "breast_cancer.csv", "binomial", 1)
fixture_cv_default("wine-multinomial-lasso-cv", "wine.csv", "multinomial", 1)
# binomial mse and mae as cv.lognet scores them: over both classes' indicator columns, so twice
# the squared (absolute) difference between the 0/1 target and the probability
fixture_cv_default("breast-cancer-binomial-mse-cv", "breast_cancer.csv", "binomial", 1, "mse")
fixture_cv_default("breast-cancer-binomial-mae-cv", "breast_cancer.csv", "binomial", 1, "mae")

# Unpenalized columns (penalty factor 0): glmnet starts the path after fitting them.
fixture_unpenalized <- function(name, file, family, alpha, penalty) {
  data <- read_data(file)
  fit <- glmnet(data$x, data$y, family = family, alpha = alpha, penalty.factor = penalty, thresh = 1e-12)
  out <- list(
    name = name, file = file, family = family, alpha = alpha, n = nrow(data$x), p = ncol(data$x),
    glmnet_version = as.character(packageVersion("glmnet")), penalty_factor = penalty,
    lambda = fit$lambda, a0 = as.numeric(fit$a0), beta = unname(as.matrix(fit$beta)),
    dev_ratio = fit$dev.ratio, df = fit$df, nulldev = fit$nulldev
  )
  write(toJSON(out, digits = NA, auto_unbox = TRUE, matrix = "columnmajor"),
        file.path("test/fixtures/glmnet", paste0(name, ".json")))
  cat(name, length(fit$lambda), "lambdas\n")
}

fixture_unpenalized("diabetes-gaussian-unpenalized", "diabetes.csv", "gaussian", 0.5,
                    c(0, 1, 1, 1, 1, 1, 1, 1, 1, 3))
fixture_unpenalized("breast-cancer-binomial-unpenalized", "breast_cancer.csv", "binomial", 1,
                    c(0, 0, rep(1, 27), 3))

# Counts for the poisson family: a synthetic data set (there is no count target among the real
# ones), generated here with a fixed seed and written to data/counts.csv: 400 rows, 8 correlated
# features (two of them without effect, one binary), an exposure per row whose log is the column
# log_exposure, and y ~ Poisson(exposure · exp(0.3 + xᵀb)).
make_counts <- function() {
  set.seed(20261202)
  n <- 400
  z <- matrix(rnorm(n * 8), n, 8)
  x <- z
  for (j in 2:8) x[, j] <- 0.5 * x[, j - 1] + sqrt(0.75) * z[, j] # AR(1) correlation 0.5
  x[, 8] <- as.numeric(x[, 8] > 0)
  colnames(x) <- c("x1", "x2", "x3", "x4", "x5", "x6", "x7", "flag")
  b <- c(0.4, -0.3, 0.2, 0, 0.15, 0, -0.1, 0.25)
  exposure <- round(runif(n, 0.5, 3), 3)
  y <- rpois(n, exposure * exp(0.3 + x %*% b))
  d <- data.frame(round(x, 6), log_exposure = round(log(exposure), 9), y = y)
  write.csv(d, "data/counts.csv", row.names = FALSE, quote = FALSE)
}
make_counts()

# Poisson paths on counts.csv: features x1..flag (log_exposure is the offset, or left out), glmnet
# run to thresh 1e-12; the CV fixture as cv.glmnet runs by default (folds on their own λ).
fixture_poisson <- function(name, alpha, use_offset, cv = FALSE) {
  d <- read.csv("data/counts.csv", check.names = FALSE)
  features <- setdiff(names(d), c("y", "log_exposure"))
  x <- as.matrix(d[, features])
  offset <- if (use_offset) d$log_exposure else NULL
  fit <- glmnet(x, d$y, family = "poisson", alpha = alpha, offset = offset, thresh = 1e-12)
  out <- list(
    name = name, file = "counts.csv", family = "poisson", alpha = alpha, n = nrow(x), p = ncol(x),
    glmnet_version = as.character(packageVersion("glmnet")), features = features,
    lambda = fit$lambda, a0 = as.numeric(fit$a0), beta = unname(as.matrix(fit$beta)),
    dev_ratio = fit$dev.ratio, df = fit$df, nulldev = fit$nulldev,
    response = unname(predict(fit, x[1:20, , drop = FALSE], type = "response", newoffset = offset[1:20]))
  )
  if (use_offset) out$offset <- "log_exposure"
  if (cv) {
    foldid <- (seq_len(nrow(x)) - 1) %% 10 + 1
    cvfit <- cv.glmnet(x, d$y, family = "poisson", alpha = alpha, offset = offset, foldid = foldid,
                       thresh = 1e-12)
    out <- c(out, list(fold_rule = "mod", cv_measure = "deviance", cv_lambda = cvfit$lambda,
                       cvm = cvfit$cvm, cvsd = cvfit$cvsd,
                       lambda_min = cvfit$lambda.min, lambda_1se = cvfit$lambda.1se))
  }
  write(toJSON(out, digits = NA, auto_unbox = TRUE, matrix = "columnmajor"),
        file.path("test/fixtures/glmnet", paste0(name, ".json")))
  cat(name, length(fit$lambda), "lambdas\n")
}

fixture_poisson("counts-poisson-lasso", 1, FALSE, cv = TRUE)
fixture_poisson("counts-poisson-enet", 0.5, FALSE)
fixture_poisson("counts-poisson-offset", 1, TRUE, cv = TRUE)

# Limits on the coefficients (lower.limits / upper.limits, in the columns' own units), glmnet run
# to thresh 1e-12: diabetes (gaussian lasso, every coefficient ≥ 0; elastic net with per-column
# upper limits) and breast cancer (binomial, |b| ≤ 2, which binds on many columns).
fixture_limits <- function(name, file, family, alpha, lower, upper) {
  data <- read_data(file)
  fit <- glmnet(data$x, data$y, family = family, alpha = alpha, lower.limits = lower,
                upper.limits = upper, thresh = 1e-12)
  text <- function(v) ifelse(is.infinite(v), ifelse(v > 0, "inf", "-inf"), as.character(v))
  out <- list(
    name = name, file = file, family = family, alpha = alpha, n = nrow(data$x), p = ncol(data$x),
    glmnet_version = as.character(packageVersion("glmnet")),
    lower_limits = I(text(lower)), upper_limits = I(text(upper)),
    lambda = fit$lambda, a0 = as.numeric(fit$a0), beta = unname(as.matrix(fit$beta)),
    dev_ratio = fit$dev.ratio, df = fit$df, nulldev = fit$nulldev
  )
  write(toJSON(out, digits = NA, auto_unbox = TRUE, matrix = "columnmajor"),
        file.path("test/fixtures/glmnet", paste0(name, ".json")))
  cat(name, length(fit$lambda), "lambdas\n")
}

fixture_limits("diabetes-gaussian-limits", "diabetes.csv", "gaussian", 1, 0, Inf)
fixture_limits("diabetes-gaussian-enet-limits", "diabetes.csv", "gaussian", 0.5, -Inf,
               c(Inf, 100, Inf, 200, Inf, Inf, Inf, Inf, 300, Inf))
fixture_limits("breast-cancer-binomial-limits", "breast_cancer.csv", "binomial", 1, -2, 2)

# Survival times for the cox family: a synthetic data set generated here with a fixed seed and
# written to data/survival.csv: 300 rows, 6 features (one binary), exponential event times with
# hazard exp(xᵀb), independent censoring (about a third censored), times rounded to 0.1 so that
# many are tied (Breslow's ties, glmnet's way).
make_survival <- function() {
  set.seed(20261203)
  n <- 300
  x <- matrix(rnorm(n * 6), n, 6)
  x[, 6] <- as.numeric(x[, 6] > 0.3)
  colnames(x) <- c("age", "marker1", "marker2", "marker3", "dose", "treated")
  b <- c(0.5, -0.4, 0.3, 0, 0.2, -0.6)
  event <- rexp(n, exp(x %*% b))
  censor <- rexp(n, 0.5)
  time <- pmax(round(pmin(event, censor), 1), 0.1)
  status <- as.numeric(event <= censor)
  d <- data.frame(round(x, 6), time = time, status = status)
  write.csv(d, "data/survival.csv", row.names = FALSE, quote = FALSE)
}
make_survival()

fixture_cox <- function(name, alpha, weighted = FALSE, cv = FALSE) {
  suppressMessages(library(survival))
  d <- read.csv("data/survival.csv", check.names = FALSE)
  features <- setdiff(names(d), c("time", "status"))
  x <- as.matrix(d[, features])
  y <- Surv(d$time, d$status)
  weights <- if (weighted) 1 + (seq_len(nrow(x)) - 1) %% 3 else rep(1, nrow(x))
  fit <- glmnet(x, y, family = "cox", alpha = alpha, weights = weights, thresh = 1e-12)
  out <- list(
    name = name, file = "survival.csv", family = "cox", alpha = alpha, n = nrow(x), p = ncol(x),
    glmnet_version = as.character(packageVersion("glmnet")), features = features,
    weights = if (weighted) "1 + (i mod 3)" else "none",
    lambda = fit$lambda, beta = unname(as.matrix(fit$beta)),
    dev_ratio = fit$dev.ratio, df = fit$df, nulldev = fit$nulldev,
    link = unname(predict(fit, x[1:20, , drop = FALSE], type = "link"))
  )
  if (cv) {
    foldid <- (seq_len(nrow(x)) - 1) %% 10 + 1
    for (measure in c("deviance", "C")) {
      cvfit <- cv.glmnet(x, y, family = "cox", alpha = alpha, weights = weights, foldid = foldid,
                         type.measure = measure, thresh = 1e-12)
      out[[paste0("cv_", tolower(measure))]] <- list(
        lambda = cvfit$lambda, cvm = cvfit$cvm, cvsd = cvfit$cvsd,
        lambda_min = cvfit$lambda.min, lambda_1se = cvfit$lambda.1se)
    }
  }
  write(toJSON(out, digits = NA, auto_unbox = TRUE, matrix = "columnmajor"),
        file.path("test/fixtures/glmnet", paste0(name, ".json")))
  cat(name, length(fit$lambda), "lambdas\n")
}

fixture_cox("survival-cox-lasso", 1, cv = TRUE)
fixture_cox("survival-cox-enet", 0.5, weighted = TRUE)

# The relaxed lasso (relax = TRUE): each λ's active set refitted without penalty; the relaxed path,
# and cv.glmnet's choice of (λ, γ) over γ = 0, 0.25, 0.5, 0.75, 1 (thresh 1e-12).
fixture_relax <- function(name, file, family) {
  data <- read_data(file)
  # (called with values, not names: relax refits through update(), which evaluates the call anew)
  args <- list(x = data$x, y = data$y, family = family, relax = TRUE, thresh = 1e-12)
  fit <- do.call(glmnet, args)
  foldid <- (seq_len(nrow(data$x)) - 1) %% 10 + 1
  cv <- do.call(cv.glmnet, c(args, list(foldid = foldid)))
  r <- cv$relaxed
  out <- list(
    name = name, file = file, family = family, alpha = 1, n = nrow(data$x), p = ncol(data$x),
    glmnet_version = as.character(packageVersion("glmnet")),
    lambda = fit$lambda, a0 = as.numeric(fit$a0), beta = unname(as.matrix(fit$beta)),
    relaxed = list(lambda = fit$relaxed$lambda, a0 = as.numeric(fit$relaxed$a0),
                   beta = unname(as.matrix(fit$relaxed$beta)), dev_ratio = fit$relaxed$dev.ratio),
    cv = list(gamma = r$gamma, lambda = cv$lambda,
              cvm = lapply(r$statlist, function(s) s$cvm), cvsd = lapply(r$statlist, function(s) s$cvsd),
              lambda_min = r$lambda.min, gamma_min = r$gamma.min,
              lambda_1se = r$lambda.1se, gamma_1se = r$gamma.1se)
  )
  write(toJSON(out, digits = NA, auto_unbox = TRUE, matrix = "columnmajor"),
        file.path("test/fixtures/glmnet", paste0(name, ".json")))
  cat(name, length(fit$lambda), "lambdas, relaxed", length(fit$relaxed$lambda), "\n")
}

fixture_relax("diabetes-gaussian-relax", "diabetes.csv", "gaussian")
fixture_relax("breast-cancer-binomial-relax", "breast_cancer.csv", "binomial")

# A three-class problem whose classes look alike: the digits 3, 5 and 8 (data/digits358.csv, made
# by scripts/make-digits.py from scikit-learn's bundled digits), cv.glmnet's default procedure.
fixture_cv_default("digits358-multinomial-lasso-cv", "digits358.csv", "multinomial", 1)

# Settings checked beyond the defaults: poisson without an intercept (the path starts at η = 0,
# μ = 1), and cox with an offset in η ((i mod 5)/10, 0-based i).
fixture_more <- function(name, family, intercept = TRUE, offset = FALSE) {
  if (family == "poisson") {
    d <- read.csv("data/counts.csv", check.names = FALSE)
    features <- setdiff(names(d), c("y", "log_exposure")); y <- d$y
  } else {
    suppressMessages(library(survival))
    d <- read.csv("data/survival.csv", check.names = FALSE)
    features <- setdiff(names(d), c("time", "status")); y <- Surv(d$time, d$status)
  }
  x <- as.matrix(d[, features])
  off <- if (offset) ((seq_len(nrow(x)) - 1) %% 5) / 10 else NULL
  fit <- glmnet(x, y, family = family, intercept = intercept, offset = off, thresh = 1e-12)
  out <- list(
    name = name, family = family, alpha = 1, n = nrow(x), p = ncol(x), features = features,
    glmnet_version = as.character(packageVersion("glmnet")), intercept = intercept,
    offset = if (offset) "(i mod 5)/10" else "none",
    lambda = fit$lambda, a0 = if (family == "cox") rep(0, length(fit$lambda)) else as.numeric(fit$a0),
    beta = unname(as.matrix(fit$beta)), dev_ratio = fit$dev.ratio, nulldev = fit$nulldev
  )
  write(toJSON(out, digits = NA, auto_unbox = TRUE, matrix = "columnmajor"),
        file.path("test/fixtures/glmnet", paste0(name, ".json")))
  cat(name, length(fit$lambda), "lambdas\n")
}

fixture_more("counts-poisson-nointercept", "poisson", intercept = FALSE)
fixture_more("survival-cox-offset", "cox", offset = TRUE)

# cv.glmnet's procedure, fold by fold: its cvm and cvsd (thresh 1e-12, mod folds) with each fold's
# own fit (the fold's λ sequence, a0 and beta, as cv.glmnet fits them), so that the tests can score
# glmnet's fold fits with reglab's code (the procedure) apart from the fits themselves.
fixture_cv_folds <- function(name, file, family, alpha) {
  data <- read_data(file)
  y <- if (family == "multinomial") factor(data$y) else data$y
  foldid <- (seq_len(nrow(data$x)) - 1) %% 10 + 1
  cv <- cv.glmnet(data$x, y, family = family, alpha = alpha, foldid = foldid, thresh = 1e-12)
  folds <- lapply(seq_len(10), function(k) {
    held <- foldid == k
    f <- suppressWarnings(glmnet(data$x[!held, , drop = FALSE], y[!held], family = family,
                                 alpha = alpha, thresh = 1e-12))
    if (family == "multinomial")
      list(lambda = f$lambda, a0 = lapply(seq_len(nrow(f$a0)), function(c) as.numeric(f$a0[c, ])),
           beta = unname(lapply(f$beta, function(b) unname(as.matrix(b)))))
    else list(lambda = f$lambda, a0 = as.numeric(f$a0), beta = unname(as.matrix(f$beta)))
  })
  out <- list(
    name = name, file = file, family = family, alpha = alpha, fold_rule = "mod",
    glmnet_version = as.character(packageVersion("glmnet")),
    lambda = cv$lambda, cvm = cv$cvm, cvsd = cv$cvsd,
    lambda_min = cv$lambda.min, lambda_1se = cv$lambda.1se, folds = folds
  )
  # how far glmnet's own curve moves when its fits are run 100 times tighter (and maxit allows)
  tight <- cv.glmnet(data$x, y, family = family, alpha = alpha, foldid = foldid, thresh = 1e-14,
                     maxit = 1e7)
  out$cvm_thresh_1e14 <- tight$cvm
  write(toJSON(out, digits = NA, auto_unbox = TRUE, matrix = "columnmajor"),
        file.path("test/fixtures/glmnet", paste0(name, ".json")))
  cat(name, length(cv$lambda), "lambdas,", sapply(folds, function(f) length(f$lambda)), "per fold\n")
}

fixture_cv_folds("breast-cancer-binomial-cv-folds", "breast_cancer.csv", "binomial", 1)
fixture_cv_folds("wine-multinomial-cv-folds", "wine.csv", "multinomial", 1)
fixture_cv_folds("diabetes-gaussian-enet-cv-folds", "diabetes.csv", "gaussian", 0.5)

# The relaxed lasso for poisson (counts.csv, every column a feature) and cox (survival.csv), and cox
# with limits on its coefficients (each in [−0.3, 0.4], which binds on three of the six).
fixture_relax("counts-poisson-relax", "counts.csv", "poisson")
fixture_cox_more <- function(name, relax = FALSE, lower = -Inf, upper = Inf) {
  suppressMessages(library(survival))
  d <- read.csv("data/survival.csv", check.names = FALSE)
  features <- setdiff(names(d), c("time", "status"))
  x <- as.matrix(d[, features])
  y <- Surv(d$time, d$status)
  args <- list(x = x, y = y, family = "cox", relax = relax, lower.limits = lower,
               upper.limits = upper, thresh = 1e-12)
  fit <- do.call(glmnet, args)
  out <- list(
    name = name, file = "survival.csv", family = "cox", alpha = 1, n = nrow(x), p = ncol(x),
    glmnet_version = as.character(packageVersion("glmnet")), features = features,
    lower_limits = lower, upper_limits = upper,
    lambda = fit$lambda, beta = unname(as.matrix(fit$beta)),
    dev_ratio = fit$dev.ratio, nulldev = fit$nulldev
  )
  if (relax) {
    foldid <- (seq_len(nrow(x)) - 1) %% 10 + 1
    cv <- do.call(cv.glmnet, c(args, list(foldid = foldid)))
    r <- cv$relaxed
    out$relaxed <- list(lambda = fit$relaxed$lambda, beta = unname(as.matrix(fit$relaxed$beta)),
                        dev_ratio = fit$relaxed$dev.ratio)
    out$cv <- list(gamma = r$gamma, lambda = cv$lambda,
                   cvm = lapply(r$statlist, function(s) s$cvm),
                   cvsd = lapply(r$statlist, function(s) s$cvsd),
                   lambda_min = r$lambda.min, gamma_min = r$gamma.min,
                   lambda_1se = r$lambda.1se, gamma_1se = r$gamma.1se)
  }
  write(toJSON(out, digits = NA, auto_unbox = TRUE, matrix = "columnmajor"),
        file.path("test/fixtures/glmnet", paste0(name, ".json")))
  cat(name, length(fit$lambda), "lambdas\n")
}

fixture_cox_more("survival-cox-relax", relax = TRUE)
fixture_cox_more("survival-cox-limits", lower = -0.3, upper = 0.4)

# A sparse design (Matrix::rsparsematrix, fixed seed): 300 rows × 1000 columns, 2 % nonzero,
# written as Matrix Market (data/sparse300.mtx) with its two targets one per line
# (data/sparse300.y: a number; data/sparse300.class: 0/1), and the same rows as an svmlight file
# (data/sparse300.svm, labels −1/+1). glmnet fits the dgCMatrix itself (its sparse mode).
make_sparse <- function() {
  suppressMessages(library(Matrix))
  set.seed(20261202)
  n <- 300; p <- 1000
  x <- rsparsematrix(n, p, density = 0.02, rand.x = function(k) round(rnorm(k), 4))
  b <- c(rnorm(20), rep(0, p - 20))
  eta <- as.numeric(x %*% b)
  y <- round(eta + rnorm(n), 6)
  class <- as.numeric(runif(n) < 1 / (1 + exp(-eta)))
  writeMM(x, "data/sparse300.mtx")
  writeLines(sprintf("%.15g", y), "data/sparse300.y")
  writeLines(as.character(class), "data/sparse300.class")
  t <- as(x, "TsparseMatrix")
  rows <- split(data.frame(j = t@j + 1, v = t@x), factor(t@i + 1, levels = seq_len(n)))
  lines <- vapply(seq_len(n), function(i) {
    r <- rows[[i]]; r <- r[order(r$j), ]
    paste(c(if (class[i] == 1) "+1" else "-1", paste0(r$j, ":", sprintf("%.15g", r$v))), collapse = " ")
  }, "")
  writeLines(lines, "data/sparse300.svm")
  list(x = x, y = y, class = class)
}
sparse <- make_sparse()
fixture_sparse <- function(name, family, alpha) {
  y <- if (family == "binomial") sparse$class else sparse$y
  fit <- glmnet(sparse$x, y, family = family, alpha = alpha, thresh = 1e-12)
  out <- list(
    name = name, file = "sparse300.mtx", family = family, alpha = alpha, n = nrow(sparse$x),
    p = ncol(sparse$x), glmnet_version = as.character(packageVersion("glmnet")),
    lambda = fit$lambda, a0 = as.numeric(fit$a0), beta = unname(as.matrix(fit$beta)),
    dev_ratio = fit$dev.ratio, df = fit$df, nulldev = fit$nulldev
  )
  write(toJSON(out, digits = NA, auto_unbox = TRUE, matrix = "columnmajor"),
        file.path("test/fixtures/glmnet", paste0(name, ".json")))
  cat(name, length(fit$lambda), "lambdas\n")
}
fixture_sparse("sparse300-gaussian-lasso", "gaussian", 1)
fixture_sparse("sparse300-gaussian-enet", "gaussian", 0.5)
fixture_sparse("sparse300-binomial-lasso", "binomial", 1)

# cv.glmnet on the sparse design, as a user calls it (each fold on its own λ sequence), with the
# rows' folds by position (fold of row i = (i − 1) mod 10 + 1, reglab's --fold-rule mod), thresh 1e-12
fixture_sparse_cv <- function(name, family, measure) {
  y <- if (family == "binomial") sparse$class else sparse$y
  foldid <- (seq_len(nrow(sparse$x)) - 1) %% 10 + 1
  cv <- cv.glmnet(sparse$x, y, family = family, foldid = foldid, type.measure = measure, thresh = 1e-12)
  out <- list(
    name = name, file = "sparse300.mtx", family = family, measure = measure,
    glmnet_version = as.character(packageVersion("glmnet")),
    lambda = cv$lambda, cvm = cv$cvm, cvsd = cv$cvsd,
    lambda_min = cv$lambda.min, lambda_1se = cv$lambda.1se
  )
  write(toJSON(out, digits = NA, auto_unbox = TRUE),
        file.path("test/fixtures/glmnet", paste0(name, ".json")))
  cat(name, length(cv$lambda), "lambdas\n")
}
fixture_sparse_cv("sparse300-gaussian-cv", "gaussian", "mse")
fixture_sparse_cv("sparse300-binomial-cv", "binomial", "deviance")

# Several responses at once (family "mgaussian", standardize.response = FALSE as glmnet's default):
# diabetes' progression y and two of its serum measurements, s5 and s6, from the other eight
# columns (responses in very different units: y ~ 150, s5 and s6 ~ 0.05). glmnet run to thresh
# 1e-14; a0 is K × L, beta one p × L matrix per response. The options fixture adds observation
# weights 1 + (i mod 3) (0-based i) and penalty factors (one 0, one 2).
fixture_mgaussian <- function(name, alpha, intercept = TRUE, options = FALSE) {
  d <- read.csv("data/diabetes.csv")
  responses <- c("y", "s5", "s6")
  x <- as.matrix(d[, setdiff(names(d), responses)])
  y <- as.matrix(d[, responses])
  weights <- if (options) 1 + (seq_len(nrow(x)) - 1) %% 3 else rep(1, nrow(x))
  penalty <- if (options) c(1, 1, 0, 1, 2, 1, 1, 1) else rep(1, ncol(x))
  fit <- glmnet(x, y, family = "mgaussian", alpha = alpha, intercept = intercept, weights = weights,
                penalty.factor = penalty, thresh = 1e-14)
  out <- list(
    name = name, file = "diabetes.csv", family = "mgaussian", alpha = alpha, intercept = intercept,
    features = colnames(x), responses = responses, n = nrow(x), p = ncol(x),
    glmnet_version = as.character(packageVersion("glmnet")),
    weights = weights, penalty_factor = penalty,
    lambda = fit$lambda, a0 = unname(as.matrix(fit$a0)),
    beta = lapply(fit$beta, function(b) unname(as.matrix(b))),
    dev_ratio = fit$dev.ratio, df = fit$df, nulldev = fit$nulldev
  )
  write(toJSON(out, digits = NA, auto_unbox = TRUE, matrix = "rowmajor"),
        file.path("test/fixtures/glmnet", paste0(name, ".json")))
  cat(name, length(fit$lambda), "lambdas\n")
}
fixture_mgaussian("diabetes-mgaussian-lasso", 1)
fixture_mgaussian("diabetes-mgaussian-enet", 0.5)
fixture_mgaussian("diabetes-mgaussian-nointercept", 1, intercept = FALSE)
fixture_mgaussian("diabetes-mgaussian-options", 0.5, options = TRUE)

# Where mgaussian paths stop: glmnet's early stop for several responses (a relative fall of the
# residual sum of squares under 1e-5) on settings where a rule on %Dev stops elsewhere — wine's
# unstandardized columns, a ridge path, no intercept with α = 0.5, exclusions, three responses.
# Each setting's λ and %Dev only (thresh 1e-14).
fixture_mgaussian_stops <- function() {
  settings <- list(
    list(file = "wine.csv", responses = c("alcohol", "color_intensity"), alpha = 1, standardize = FALSE),
    list(file = "wine.csv", responses = c("alcohol", "hue"), alpha = 0.5, intercept = FALSE),
    list(file = "wine.csv", responses = c("alcohol", "color_intensity", "proline"), alpha = 1),
    list(file = "diabetes.csv", responses = c("y", "s1"), alpha = 0),
    list(file = "diabetes.csv", responses = c("y", "s1"), alpha = 1, exclude = c("bmi", "s5")),
    # a ridge with an unpenalized column: glmnet reads λ_max off the null model at α = 0 exactly
    list(file = "wine.csv", responses = c("alcohol", "color_intensity", "proline"), alpha = 0,
         penalty = c(1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1))
  )
  out <- lapply(settings, function(s) {
    d <- read.csv(file.path("data", s$file))
    x <- as.matrix(d[, setdiff(names(d), s$responses)])
    exclude <- if (is.null(s$exclude)) NULL else match(s$exclude, colnames(x))
    args <- list(x, as.matrix(d[, s$responses]), family = "mgaussian", alpha = s$alpha,
                 standardize = !isFALSE(s$standardize), intercept = !isFALSE(s$intercept),
                 thresh = 1e-14)
    if (!is.null(exclude)) args$exclude <- exclude
    if (!is.null(s$penalty)) args$penalty.factor <- s$penalty
    fit <- do.call(glmnet, args)
    cat("mgaussian stop", s$file, paste(s$responses, collapse = ","), length(fit$lambda), "lambdas\n")
    list(file = s$file, responses = s$responses, alpha = s$alpha,
         standardize = !isFALSE(s$standardize), intercept = !isFALSE(s$intercept),
         exclude = if (is.null(s$exclude)) list() else s$exclude,
         penalty_factor = if (is.null(s$penalty)) list() else s$penalty,
         lambda = fit$lambda, dev_ratio = fit$dev.ratio)
  })
  write(toJSON(list(glmnet_version = as.character(packageVersion("glmnet")), settings = out),
               digits = NA, auto_unbox = TRUE),
        "test/fixtures/glmnet/mgaussian-early-stop.json")
}
fixture_mgaussian_stops()

# cv.glmnet for mgaussian as a user calls it (each fold on its own λ sequence, mod folds), mse and
# mae, glmnet run to thresh 1e-14; and predictions of the first 20 rows at three λ of the path.
fixture_mgaussian_cv <- function(name) {
  d <- read.csv("data/diabetes.csv")
  responses <- c("y", "s5", "s6")
  x <- as.matrix(d[, setdiff(names(d), responses)])
  y <- as.matrix(d[, responses])
  foldid <- (seq_len(nrow(x)) - 1) %% 10 + 1
  fit <- glmnet(x, y, family = "mgaussian", thresh = 1e-14)
  curves <- lapply(c("mse", "mae"), function(measure) {
    cv <- cv.glmnet(x, y, family = "mgaussian", foldid = foldid, type.measure = measure, thresh = 1e-14)
    list(measure = measure, lambda = cv$lambda, cvm = cv$cvm, cvsd = cv$cvsd,
         lambda_min = cv$lambda.min, lambda_1se = cv$lambda.1se)
  })
  s <- fit$lambda[c(5, 20, 40)]
  predicted <- predict(fit, x[1:20, , drop = FALSE], s = s) # 20 × K × 3
  out <- list(name = name, file = "diabetes.csv", responses = responses, features = colnames(x),
              glmnet_version = as.character(packageVersion("glmnet")), cv = curves,
              s = s, prediction = lapply(1:3, function(k) unname(predicted[, , k])))
  write(toJSON(out, digits = NA, auto_unbox = TRUE, matrix = "rowmajor"),
        file.path("test/fixtures/glmnet", paste0(name, ".json")))
  cat(name, "\n")
}
fixture_mgaussian_cv("diabetes-mgaussian-cv")
