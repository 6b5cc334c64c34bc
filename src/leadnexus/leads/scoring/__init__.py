"""The transparent lead quality score (see score.py's docstring for the formula)."""

from leadnexus.leads.scoring.score import SCORE_VERSION, QualityScore, ScoreComponent, score_lead

__all__ = ["SCORE_VERSION", "QualityScore", "ScoreComponent", "score_lead"]
