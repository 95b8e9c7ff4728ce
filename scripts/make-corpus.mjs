// Writes the bad-input corpus of test/corpus/ (issue: "nothing silent, nothing lost"): awkward and
// hostile files, each made from the repo's own data or from scratch, so they can be made again.
// Usage: node scripts/make-corpus.mjs   (writes test/corpus/inputs/)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "test/corpus/inputs");
mkdirSync(out, { recursive: true });
const write = (name, content) => writeFileSync(join(out, name), content);

const lines = readFileSync(join(root, "data/diabetes.csv"), "utf8").trim().split("\n");
const header = lines[0];
const rows = lines.slice(1).map((line) => line.split(",").map(Number));
const csv = (table) => `${header}\n${table.map((row) => row.join(",")).join("\n")}\n`;
const scaled = (column, factor) => rows.map((row) => row.map((v, j) => (j === column ? v * factor : v)));

write("feature-1e300.csv", csv(scaled(0, 1e300)));
write("feature-1e-300.csv", csv(scaled(0, 1e-300)));
write("target-1e300.csv", csv(scaled(10, 1e300)));
write("target-1e-300.csv", csv(scaled(10, 1e-300)));
write("constant-target.csv", csv(rows.map((row) => [...row.slice(0, 10), 5])));
write("one-row.csv", csv(rows.slice(0, 1)));
write("feature-1e-320.csv", csv(scaled(0, 1e-320)));
write(
  "predict-empty-target.csv",
  `${header}\n${rows.map((row) => [...row.slice(0, 10), ""].join(",")).join("\n")}\n`,
);
write("cell-1e-400.csv", "a,y\n1,2\n1e-400,3\n2,4\n");
write(
  "header-latin1.csv",
  Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x79, 0x0a, 0x31, 0x2c, 0x32, 0x0a, 0x33, 0x2c, 0x34, 0x0a]),
);
write("mixed-eol.csv", `a,b,y\r\n1,2,3\n4,5,6\r7,8,9\n2,1,1\r\n5,5,2\n`);

// classification files for train and cv
const points = (count, label) =>
  Array.from({ length: count }, (_, i) => {
    const angle = (i * 2.399) % (2 * Math.PI);
    const radius = 1 + (i % 7) / 7;
    return [Math.cos(angle) * radius, Math.sin(angle) * radius, label(i)];
  });
const table = (list) => `x1,x2,y\n${list.map((row) => row.map((v) => +v.toFixed(6)).join(",")).join("\n")}\n`;
write("label-in-one-row.csv", table(points(80, (i) => (i === 79 ? 2 : i % 2))));
write("four-labels.csv", table(points(80, (i) => (i === 79 ? 3 : i % 3))));
write("auc-single.csv", table(points(40, (i) => (i === 7 ? 1 : 0))));
write("multinomial-4rows.csv", table(points(4, (i) => i % 2)));
// mod folds of 10 over 40 rows: class 1 wholly in fold 1; then class 1 left with one training row
write("fold-holds-class.csv", table(points(40, (i) => (i % 10 === 0 && i < 30 ? 1 : 0))));
write("fold-leaves-one.csv", table(points(40, (i) => (i === 0 || i === 10 || i === 1 ? 1 : 0))));
write("classes-25.csv", table(points(100, (i) => i % 25)));
write("text-labels.csv", "x1,x2,y\n1,2,M\n2,1,R\n3,3,M\n4,0,R\n");

write("folds-gap.txt", rows.map((_, i) => [1, 2, 4][i % 3]).join("\n"));
write("folds-one.txt", rows.map(() => 1).join("\n"));
write("empty-lambda.txt", "");

// saved models: a valid one, and the ways a hand-edited one goes wrong
const model = {
  reglab_model: 1,
  family: "gaussian",
  alpha: 1,
  feature_names: ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"],
  target_name: "y",
  classes: null,
  lambda: [2, 1],
  a0: [152, 150],
  beta: [
    [0, 0, 300, 0, 0, 0, 0, 0, 0, 0],
    [0, 0, 500, 100, 0, 0, 0, 0, 200, 0],
  ],
};
write("model-gaussian.json", JSON.stringify(model));
write("model-tweedie.json", JSON.stringify({ ...model, family: "tweedie" }));
write("model-null-a0.json", JSON.stringify({ ...model, a0: [null, null] }));
write("model-short-beta.json", JSON.stringify({ ...model, beta: [model.beta[0], [1, 2]] }));
write("model-version-2.json", JSON.stringify({ ...model, reglab_model: 2 }));
write("model-lambda-up.json", JSON.stringify({ ...model, lambda: [1, 2] }));
write(
  "model-dup-names.json",
  JSON.stringify({ ...model, feature_names: ["age", ...model.feature_names.slice(0, 9)] }),
);
write("model-broken.json", JSON.stringify(model).slice(0, 120));
write("model-bom.json", `\uFEFF${JSON.stringify(model)}`);
write("na-rows.csv", `${header}\n${lines[1]}\n${lines[2].replace(/^[^,]*/, "")}\n${lines[3]}\n`);

// files that are not CSV text
write("data.csv.gz", gzipSync(readFileSync(join(root, "data/iris.csv"))));
write("utf16.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a,y\n1,2\n", "utf16le")]));
write("quote.csv", 'a,b,y\n1,"2,3\n');
console.log(`wrote ${out}`);
