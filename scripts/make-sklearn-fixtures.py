#!/usr/bin/python3
"""Reference fixtures from scikit-learn for reglab's tests (run: /usr/bin/python3 scripts/make-sklearn-fixtures.py).

ridge-*.json: sklearn.linear_model.Ridge on StandardScaler columns (1/n standard deviation), with
alpha = n * lambda, which minimizes the same objective as reglab's ridge at lambda:
    (1/2n) ||y - b0 - X~ b||^2 + (lambda/2) ||b||^2   <=>   ||y - b0 - X~ b||^2 + n*lambda ||b||^2
Coefficients are returned on the original scale (b_j / scale_j).

logistic-*.json: LogisticRegression(penalty="l2", C = 1/(n*lambda)) on StandardScaler columns, which
minimizes  mean log-loss + (lambda/2) ||b||^2  (intercept unpenalized) -- reglab's binomial objective
with alpha = 0.

enet-*.json: enet_path on centred y and StandardScaler columns with l1_ratio = alpha at the given
lambdas; sklearn's objective (1/2n)||y - Xb||^2 + lambda*alpha*||b||_1 + lambda*(1-alpha)/2*||b||^2 is
reglab's gaussian objective exactly (glmnet's differs for alpha < 1: it divides the ridge term by sd(y)).
"""
import json
import os

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression, Ridge, enet_path
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
OUT = os.path.join(HERE, "..", "test", "fixtures", "sklearn")
LAMBDAS = [1e-4, 1e-3, 1e-2, 0.1, 1.0, 10.0]


def load(name):
    table = np.genfromtxt(os.path.join(DATA, name + ".csv"), delimiter=",", skip_header=1)
    return table[:, :-1], table[:, -1]


def ridge_fixture(name):
    x, y = load(name)
    n = x.shape[0]
    scaler = StandardScaler().fit(x)
    xs = scaler.transform(x)
    fits = []
    for lam in LAMBDAS:
        model = Ridge(alpha=n * lam, fit_intercept=True, solver="cholesky", tol=1e-12).fit(xs, y)
        coefs = model.coef_ / scaler.scale_
        intercept = model.intercept_ - float(np.dot(coefs, scaler.mean_))
        fits.append({"lambda": lam, "intercept": float(intercept), "coefs": coefs.tolist()})
    return {"data": name, "sklearn": sklearn.__version__, "fits": fits}


def logistic_fixture(name):
    x, y = load(name)
    n = x.shape[0]
    xs = StandardScaler().fit(x).transform(x)
    scale = StandardScaler().fit(x)
    fits = []
    for lam in [1e-4, 1e-3, 1e-2, 1e-1]:
        model = LogisticRegression(C=1.0 / (n * lam), tol=1e-12, max_iter=100000, solver="lbfgs").fit(xs, y)
        coefs = model.coef_[0] / scale.scale_
        intercept = float(model.intercept_[0]) - float(np.dot(coefs, scale.mean_))
        fits.append({"lambda": lam, "intercept": intercept, "coefs": coefs.tolist()})
    return {"data": name, "sklearn": sklearn.__version__, "fits": fits}


def enet_fixture(name, alpha):
    x, y = load(name)
    scaler = StandardScaler().fit(x)
    xs = scaler.transform(x)
    yc = y - y.mean()
    gradient = np.abs(xs.T @ yc) / len(y)
    lambda_max = gradient.max() / max(alpha, 1e-3)
    lambdas = lambda_max * np.exp(np.linspace(0, np.log(1e-3), 30))
    _, coefs, _ = enet_path(xs, yc, l1_ratio=alpha, alphas=lambdas, tol=1e-14, max_iter=1000000)
    fits = []
    for k, lam in enumerate(lambdas):
        b = coefs[:, k] / scaler.scale_
        fits.append({"lambda": float(lam), "intercept": float(y.mean() - np.dot(b, scaler.mean_)), "coefs": b.tolist()})
    return {"data": name, "alpha": alpha, "sklearn": sklearn.__version__, "fits": fits}


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for name in ["diabetes", "wine", "breast_cancer"]:
        with open(os.path.join(OUT, f"ridge-{name}.json"), "w") as handle:
            json.dump(ridge_fixture(name), handle, indent=1)
        print("wrote", f"ridge-{name}.json")
    with open(os.path.join(OUT, "logistic-breast_cancer.json"), "w") as handle:
        json.dump(logistic_fixture("breast_cancer"), handle, indent=1)
    print("wrote logistic-breast_cancer.json")
    for name, alpha in [("diabetes", 0.5), ("diabetes", 0.2), ("wine", 0.5)]:
        with open(os.path.join(OUT, f"enet-{name}-{alpha}.json"), "w") as handle:
            json.dump(enet_fixture(name, alpha), handle, indent=1)
        print("wrote", f"enet-{name}-{alpha}.json")
