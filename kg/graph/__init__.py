"""Alliance and opposition graphs: a signed networkx projection of the store and its questions.

``Projection`` (project.py) is the only part that reads the store; every
other module is a family of questions over it, networkx style: functions
taking the projection first, returning plain frozen dataclasses.
"""

from kg.graph.balance import Balance, Prediction, Triad, balance
from kg.graph.camps import Camp, Camps, camps
from kg.graph.centrality import Centrality, Ranked, brokers, central, main_backers, most_targeted
from kg.graph.contested import Contested, contested
from kg.graph.neighbourhood import Neighbour, Neighbourhood, allies, neighbourhood, opponents
from kg.graph.paths import Hop, Path, explain
from kg.graph.project import ArticleRecord, EntityRecord, Mention, Projection
from kg.graph.results import EdgeInfo, Evidence, NodeInfo
from kg.graph.views import Scope, alliance_graph, geography_graph, opposition_graph, signed_view

__all__ = [
    "ArticleRecord",
    "Balance",
    "Camp",
    "Camps",
    "Centrality",
    "Contested",
    "EdgeInfo",
    "EntityRecord",
    "Evidence",
    "Hop",
    "Mention",
    "Neighbour",
    "Neighbourhood",
    "NodeInfo",
    "Path",
    "Prediction",
    "Projection",
    "Ranked",
    "Scope",
    "Triad",
    "alliance_graph",
    "allies",
    "balance",
    "brokers",
    "camps",
    "central",
    "contested",
    "explain",
    "geography_graph",
    "main_backers",
    "most_targeted",
    "neighbourhood",
    "opponents",
    "opposition_graph",
    "signed_view",
]
