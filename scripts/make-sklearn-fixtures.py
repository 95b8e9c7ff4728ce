#!/usr/bin/python3
"""Reference fixtures from scikit-learn for reglab's tests (run: /usr/bin/python3 scripts/make-sklearn-fixtures.py).

ridge-*.json: sklearn.linear_model.Ridge on StandardScaler columns (1/n standard deviation), with
alpha = n * lambda, which minimizes the same objective as reglab's ridge at lambda:
    (1/2n) ||y - b0 - X~ b||^2 + (lambda/2) ||b||^2   <=>   ||y - b0 - X~ b||^2 + n*lambda ||b||^2
Coefficients are returned on the original scale (b_j / scale_j).
"""
import json
import os

import numpy as np
import sklearn
from sklearn.linear_model import Ridge
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


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for name in ["diabetes", "wine", "breast_cancer"]:
        with open(os.path.join(OUT, f"ridge-{name}.json"), "w") as handle:
            json.dump(ridge_fixture(name), handle, indent=1)
        print("wrote", f"ridge-{name}.json")
