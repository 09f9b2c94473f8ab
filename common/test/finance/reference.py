"""Independent numpy reference for the Monte Carlo engine in common/src/finance.

Written from the model description (finance.md section 1 and the timing rules in plan.ts), sharing no code with
the TypeScript engine: numpy's PCG64 generator and its own normal sampler, numpy.linalg.cholesky on the monthly
covariance, paths as vectors and months as a loop. The TypeScript test and the benchmark run it as a child process.

Input (stdin, JSON): {"plans": [plan, ...]} where a plan has
  name, seed, paths, initialWealth, horizonMonths, inflation, annualFee,
  assets: [{expectedReturn, volatility}], correlation: n x n, weights: n,
  rebalancing: {kind: none|monthly|annual|threshold, band?},
  cashFlows: [{monthlyAmount, startMonth, endMonth, indexed}], goals: [{id, month, amount, real, withdraw}].
Output (stdout, JSON): per plan the checkpoint months, wealth percentiles and means per checkpoint, goal
probabilities, max drawdown percentiles and the seconds spent simulating (excluding start-up and I/O).
"""

import json
import resource
import sys
import time

import numpy as np

PERCENTILES = [5, 10, 25, 50, 75, 90, 95]
# Normals are drawn for several months at once; keep one block under ~16 M values to bound memory.
BLOCK_VALUES = 16_000_000


def monthly_parameters(plan):
    """Monthly log drift (net of fees) and the Cholesky factor of the monthly log-return covariance."""
    m = np.array([a["expectedReturn"] for a in plan["assets"]], dtype=float)
    s = np.array([a["volatility"] for a in plan["assets"]], dtype=float)
    sigma2 = np.log1p(s**2 / (1 + m) ** 2)
    mu = (np.log1p(m) - sigma2 / 2) / 12 + np.log1p(-plan.get("annualFee", 0.0)) / 12
    sd = np.sqrt(sigma2 / 12)
    cov = np.asarray(plan["correlation"], dtype=float) * np.outer(sd, sd)
    return mu, np.linalg.cholesky(cov)


def cash_flow_schedule(plan):
    """Net nominal flow at the end of each month 1..T; indexed amounts grow as (1 + inflation)^(m / 12)."""
    months = np.arange(1, plan["horizonMonths"] + 1)
    index = (1 + plan["inflation"]) ** (months / 12)
    flows = np.zeros(len(months))
    for f in plan.get("cashFlows", []):
        active = (months >= f["startMonth"]) & (months <= f["endMonth"])
        flows += np.where(active, f["monthlyAmount"] * (index if f.get("indexed", True) else 1.0), 0.0)
    return flows


def simulate(plan):
    rng = np.random.default_rng(plan["seed"])
    paths, horizon = plan["paths"], plan["horizonMonths"]
    w = np.asarray(plan["weights"], dtype=float)
    n = len(w)
    mu, chol = monthly_parameters(plan)
    flows = cash_flow_schedule(plan)
    kind = plan["rebalancing"]["kind"]
    band = plan["rebalancing"].get("band", 0.0)
    goals = sorted(enumerate(plan.get("goals", [])), key=lambda g: (g[1]["month"], g[0]))
    inflation = plan["inflation"]

    wealth = np.full(paths, float(plan["initialWealth"]))
    holdings = None if kind == "monthly" else wealth[:, None] * w[None, :]
    peak = wealth.copy()
    max_dd = np.zeros(paths)
    checkpoints = [0]
    stored = [wealth.copy()]
    goal_wealth = {}
    block = max(1, min(12, BLOCK_VALUES // (paths * n)))

    month = 0
    while month < horizon:
        count = min(block, horizon - month)
        growth = rng.standard_normal((count, paths, n)) @ chol.T
        growth += mu
        np.exp(growth, out=growth)
        portfolio = growth @ w if kind == "monthly" else None
        for k in range(count):
            month += 1
            if kind == "monthly":
                wealth *= portfolio[k]
            else:
                holdings *= growth[k]
                wealth = holdings.sum(axis=1)
            f = flows[month - 1]
            if f > 0:
                wealth += f
                if holdings is not None:
                    holdings += f * w
            elif f < 0:
                after = wealth + f
                ratio = np.where(after > 0, after / np.where(wealth > 0, wealth, 1.0), 0.0)
                if holdings is not None:
                    holdings *= ratio[:, None]
                wealth = np.maximum(after, 0.0)
            for index, goal in goals:
                if goal["month"] != month:
                    continue
                target = goal["amount"] * ((1 + inflation) ** (month / 12) if goal.get("real", True) else 1.0)
                goal_wealth[index] = wealth.copy()
                if goal.get("withdraw", True):
                    after = wealth - target
                    ratio = np.where(after > 0, after / np.where(wealth > 0, wealth, 1.0), 0.0)
                    if holdings is not None:
                        holdings *= ratio[:, None]
                    wealth = np.maximum(after, 0.0)
            if kind == "annual" and month % 12 == 0:
                holdings = wealth[:, None] * w[None, :]
            elif kind == "threshold":
                drift = np.abs(holdings - wealth[:, None] * w[None, :]).max(axis=1)
                due = (drift > band * wealth) & (wealth > 0)
                holdings[due] = wealth[due, None] * w[None, :]
            np.maximum(peak, wealth, out=peak)
            dd = np.where(peak > 0, 1 - wealth / np.where(peak > 0, peak, 1.0), 0.0)
            np.maximum(max_dd, dd, out=max_dd)
            if month % 12 == 0 or month == horizon:
                checkpoints.append(month)
                stored.append(wealth.copy())
    return checkpoints, np.array(stored), goal_wealth, max_dd


def summarize(plan, checkpoints, stored, goal_wealth, max_dd):
    inflation = plan["inflation"]
    goals = []
    for index, goal in enumerate(plan.get("goals", [])):
        target = goal["amount"] * ((1 + inflation) ** (goal["month"] / 12) if goal.get("real", True) else 1.0)
        goals.append({"id": goal["id"], "probability": float(np.mean(goal_wealth[index] >= target))})
    pct = np.percentile(stored, PERCENTILES, axis=1)
    return {
        "name": plan.get("name", ""),
        "paths": plan["paths"],
        "months": checkpoints,
        "percentiles": {f"p{p}": pct[i].tolist() for i, p in enumerate(PERCENTILES)},
        "mean": stored.mean(axis=1).tolist(),
        "goals": goals,
        "maxDrawdown": {f"p{p}": float(v) for p, v in zip(PERCENTILES, np.percentile(max_dd, PERCENTILES))},
    }


def main():
    request = json.load(sys.stdin)
    results = []
    for plan in request["plans"]:
        # timed like the engine's simulate(): the paths and the summary statistics, not start-up or I/O
        start = time.perf_counter()
        result = summarize(plan, *simulate(plan))
        result["seconds"] = time.perf_counter() - start
        results.append(result)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    json.dump({"numpy": np.__version__, "peakRssBytes": peak_kib * 1024, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
