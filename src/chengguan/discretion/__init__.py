"""Discretion and exemption engine (自由裁量、首违不罚、“721”工作法).

    from chengguan.discretion import recommend, DiscretionInput, DiscretionResult, DiscretionError
    res = recommend(DiscretionInput(situation_id="SR-0001", act_date=date(2025, 6, 1), harm="minor"))
    res.model_dump()   # the JSON contract

Policy as data: data/policies/discretion.yaml and data/policies/procedure.yaml (versioned, effective dates).
"""

from .engine import recommend
from .models import DiscretionError, DiscretionInput, DiscretionResult, FineOut, Ground, TraceStep
from .policy import Policies, PolicyError, get_policies, set_policies

__all__ = ["DiscretionError", "DiscretionInput", "DiscretionResult", "FineOut", "Ground", "Policies", "PolicyError",
           "TraceStep", "get_policies", "recommend", "set_policies"]
