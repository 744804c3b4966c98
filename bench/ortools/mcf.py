"""OR-Tools' SimpleMinCostFlow on one batch-matching instance, the baseline of `just bench-matching`.

Usage: python3 mcf.py INSTANCE [--repeat N]

INSTANCE is whitespace-separated integers: `needs services arcs`, then one capacity per service,
then `need service score` per arc (scores 1..=1000). The network is the one our solver optimises:
source -> need (capacity 1, cost 0), need -> service (capacity 1, cost 1000 - score),
service -> sink (capacity = places, cost 0), solved with solve_max_flow_with_min_cost(): the most
needs first, then the least cost, i.e. the best total score (= 1000 * assigned - cost).

Each repeat builds a fresh network and times the solve call alone (time.perf_counter); building is
timed separately. Prints one JSON line: assigned, score, solve_ms and build_ms (one per repeat),
and the OR-Tools version.
"""

import json
import sys
import time

import numpy as np
import ortools
from ortools.graph.python import min_cost_flow


def main() -> None:
    args = sys.argv[1:]
    repeat = 1
    if "--repeat" in args:
        i = args.index("--repeat")
        repeat = int(args[i + 1])
        del args[i : i + 2]
    if len(args) != 1 or repeat < 1:
        sys.exit(__doc__)
    with open(args[0], "rb") as f:
        data = np.array(f.read().split(), dtype=np.int64)
    needs, services, arcs = (int(x) for x in data[:3])
    capacities = data[3 : 3 + services]
    triples = data[3 + services : 3 + services + 3 * arcs].reshape(arcs, 3)
    source, sink = needs + services, needs + services + 1

    tails = np.concatenate([np.full(needs, source), triples[:, 0], needs + np.arange(services)])
    heads = np.concatenate([np.arange(needs), needs + triples[:, 1], np.full(services, sink)])
    caps = np.concatenate([np.ones(needs, dtype=np.int64), np.ones(arcs, dtype=np.int64), capacities])
    costs = np.concatenate([np.zeros(needs, dtype=np.int64), 1000 - triples[:, 2], np.zeros(services, dtype=np.int64)])

    solve_ms, build_ms = [], []
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        mcf = min_cost_flow.SimpleMinCostFlow()
        mcf.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
        mcf.set_node_supply(source, needs)
        mcf.set_node_supply(sink, -needs)
        built = time.perf_counter()
        status = mcf.solve_max_flow_with_min_cost()
        solved = time.perf_counter()
        if status != mcf.OPTIMAL:
            sys.exit(f"OR-Tools status {status}")
        build_ms.append((built - started) * 1000.0)
        solve_ms.append((solved - built) * 1000.0)
        assigned = mcf.maximum_flow()
        result = (assigned, 1000 * assigned - mcf.optimal_cost())

    print(json.dumps({"assigned": result[0], "score": result[1], "solve_ms": solve_ms, "build_ms": build_ms, "version": ortools.__version__}))


if __name__ == "__main__":
    main()
