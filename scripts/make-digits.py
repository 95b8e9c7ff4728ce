"""Writes data/digits358.csv: the handwritten digits 3, 5 and 8 of scikit-learn's bundled digits
(UCI optdigits test set: 8 × 8 images, 64 pixel counts 0-16), a three-class problem whose classes
look alike. Run with Debian's Python: /usr/bin/python3 scripts/make-digits.py (python3-sklearn;
the data ship inside the package, nothing is downloaded)."""
from sklearn.datasets import load_digits

digits = load_digits()
keep = [i for i, t in enumerate(digits.target) if t in (3, 5, 8)]
with open("data/digits358.csv", "w") as out:
    out.write(",".join(f"p{j}" for j in range(64)) + ",y\n")
    for i in keep:
        out.write(",".join(str(int(v)) for v in digits.data[i]) + f",{digits.target[i]}\n")
print(len(keep), "rows")
