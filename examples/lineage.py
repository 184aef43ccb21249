#!/usr/bin/env python3
"""A model's lineage from the llm-lineage GraphQL API, with the Python standard library only.

    python3 examples/lineage.py [URL] [MODEL]

URL defaults to $LLM_LINEAGE_URL, then http://localhost:4000/graphql; MODEL defaults to Vicuna.
Ancestors are fetched with POST, descendants with GET, then the node-link export is downloaded.
"""
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

URL = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("LLM_LINEAGE_URL", "http://localhost:4000/graphql")
NAME = sys.argv[2] if len(sys.argv) > 2 else "Vicuna"

LINEAGE = """
query Lineage($name: String!, $direction: Direction!, $maxDepth: Int) {
  lineage(name: $name, direction: $direction, maxDepth: $maxDepth) {
    root { id name }
    nodes { id name depth }
    edges { type source target }
    omitted
  }
}"""
ACCEPT = "application/graphql-response+json, application/json"


def unreachable(error):
    """The server is not there: one line saying so, not a traceback."""
    return SystemExit(f"cannot reach the llm-lineage server at {URL} ({error.reason}): start it with `npm start`")


def send(request):
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            body = json.load(response)
    except urllib.error.HTTPError as error:  # GraphQL errors can come with a 4xx status
        try:
            body = json.load(error)
        except ValueError:
            raise SystemExit(f"HTTP {error.code} from {URL}") from None
    except urllib.error.URLError as error:
        raise unreachable(error) from None
    if body.get("errors"):
        raise SystemExit("GraphQL error: " + "; ".join(e["message"] for e in body["errors"]))
    return body["data"]


def post(query, variables):
    """POST: the usual way to send a GraphQL request."""
    payload = json.dumps({"query": query, "variables": variables}).encode("utf-8")
    headers = {"content-type": "application/json", "accept": ACCEPT}
    return send(urllib.request.Request(URL, data=payload, headers=headers, method="POST"))


def get(query, variables):
    """GET works for queries (cacheable URLs). The server's CSRF prevention asks for a header
    that a browser could only send after a CORS preflight: apollo-require-preflight."""
    params = urllib.parse.urlencode({"query": query, "variables": json.dumps(variables)})
    headers = {"accept": ACCEPT, "apollo-require-preflight": "true"}
    return send(urllib.request.Request(f"{URL}?{params}", headers=headers))


def rows(lineage, direction):
    """One row per reached model: the relation that links it to the previous hop."""
    depth = {n["id"]: n["depth"] for n in lineage["nodes"]}
    for node in sorted(lineage["nodes"], key=lambda n: (n["depth"], n["name"].lower())):
        if node["depth"] == 0:
            continue
        relation = next(
            (e["type"] for e in lineage["edges"]
             if node["id"] in (e["source"], e["target"])
             and depth.get(e["target"] if e["source"] == node["id"] else e["source"]) == node["depth"] - 1),
            "?",
        )
        yield node["name"], relation, node["depth"], direction


ancestors = post(LINEAGE, {"name": NAME, "direction": "ANCESTORS", "maxDepth": 5})["lineage"]
descendants = get(LINEAGE, {"name": NAME, "direction": "DESCENDANTS", "maxDepth": 2})["lineage"]

table = list(rows(ancestors, "ancestor")) + list(rows(descendants, "descendant"))
print(f"Lineage of {ancestors['root']['name']} ({ancestors['root']['id']})")
print(f"{'name':<32} {'relation':<12} {'depth':>5}  direction")
for name, relation, depth, direction in table:
    print(f"{name:<32} {relation:<12} {depth:>5}  {direction}")

# The node-link export (the same subgraph as a plain download) for graph tools.
export_url = urllib.parse.urljoin(URL, "/export?" + urllib.parse.urlencode({"format": "node-link", "name": NAME}))
try:
    with urllib.request.urlopen(export_url, timeout=30) as response:
        data = json.load(response)
except urllib.error.URLError as error:
    raise unreachable(error) from None
print(f"node-link export: {len(data['nodes'])} nodes, {len(data['links'])} links")
# With networkx (apt-get install python3-networkx), and &orientation=lineage in the export URL so
# that edges point base → derived (examples/lineage.ipynb does it all):
#     import networkx as nx
#     G = nx.node_link_graph(data, edges="links")  # networkx >= 3.4; before 3.4: link="links" (the default)
#     nx.descendants(G, "model:vicuna")            # with orientation=lineage: what is built on Vicuna
