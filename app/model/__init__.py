"""The graph model: vocabulary, nodes, edges. Pure pydantic; imports nothing else from app."""

from app.model.bundle import GraphBundle
from app.model.edges import EDGE_MODELS, AnyEdge, Edge
from app.model.nodes import NODE_MODELS, AnyNode, DomainNode, Node, Source

__all__ = [
    "EDGE_MODELS",
    "NODE_MODELS",
    "AnyEdge",
    "AnyNode",
    "DomainNode",
    "Edge",
    "GraphBundle",
    "Node",
    "Source",
]
