"""Reads the server's exports back with networkx and pandas, as a notebook would, and prints
what it found as JSON for tests/export/export.test.ts to check.

    python3 tests/export/read_exports.py BASE_URL
"""
import io
import json
import sys
import urllib.request

import networkx as nx
import pandas as pd

BASE = sys.argv[1]


def fetch(path):
    with urllib.request.urlopen(BASE + path, timeout=30) as response:
        return response.read()


graphml = nx.read_graphml(io.BytesIO(fetch("/export?format=graphml&orientation=lineage")), force_multigraph=True)
plain = nx.read_graphml(io.BytesIO(fetch("/export?format=graphml")))
node_link = json.loads(fetch("/export?format=node-link&orientation=lineage"))
# networkx 2.8 reads node-link links from "links" by default (3.4+ takes edges="links").
from_node_link = nx.node_link_graph(node_link)
models = pd.read_csv(io.BytesIO(fetch("/export?format=csv&table=models")), keep_default_na=False)
relations = pd.read_csv(io.BytesIO(fetch("/export?format=csv&table=relations&orientation=lineage")), keep_default_na=False)
vicuna = models.set_index("id").loc["model:vicuna"]

print(json.dumps({
    "graphml": {
        "type": type(graphml).__name__,
        "nodes": graphml.number_of_nodes(),
        "edges": graphml.number_of_edges(),
        "llamaAliases": json.loads(graphml.nodes["model:llama"]["aliases"]),
        "vicunaAliases": json.loads(graphml.nodes["model:vicuna"]["aliases"]),
        "llamaDescendants": sorted(nx.descendants(graphml, "model:llama")),
        "dollyEdge": [dict(d) for d in graphml.get_edge_data("model:gptj", "model:dolly").values()],
        "kindsByEdge": {k: json.loads(d["derivationKinds"]) for _, _, k, d in graphml.edges(keys=True, data=True)},
        "methodsByEdge": {k: json.loads(d["derivationMethods"]) for _, _, k, d in graphml.edges(keys=True, data=True)},
        "adapters": sorted(t for _, t, d in graphml.out_edges("model:llama", data=True) if "ADAPTER" in json.loads(d["derivationKinds"])),
    },
    "plainType": type(plain).__name__,
    "nodeLink": {
        "type": type(from_node_link).__name__,
        "llamaDescendants": sorted(nx.descendants(from_node_link, "model:llama")),
        "kindsByEdge": {d["id"]: d["derivationKinds"] for _, _, d in from_node_link.edges(data=True)},
    },
    "models": {
        "columns": list(models.columns),
        "rows": len(models),
        "vicunaContributors": json.loads(vicuna["contributors"]),
        "vicunaLanguages": json.loads(vicuna["languages"]),
        "vicunaBasedOn": json.loads(vicuna["basedOn"]),
    },
    "relations": {
        "rows": len(relations),
        "derivedFrom": sorted(set(relations["derivedFrom"])),
        "vicunaBase": relations[relations["id"] == "BASED_ON:model:vicuna->model:llama13b"][["source", "target"]].to_dict("records"),
        "kindsByEdge": dict(zip(relations["id"], relations["derivationKinds"].map(json.loads))),
        "adapters": sorted(relations[relations["derivationKinds"].map(lambda k: "ADAPTER" in json.loads(k))]["targetName"]),
    },
}))
