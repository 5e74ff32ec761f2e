"""Name resolution: countries and ministries as returns write them -> canonical ids."""

from questionnaire_returns.resolve.resolver import LearnedAlias, NameMatch, Resolver, get_resolver
from questionnaire_returns.resolve.tables import CanonError
from questionnaire_returns.resolve.unknown import UnknownNames


def evaluate(*args, **kwargs) -> dict:
    """Run the names test set; prints and returns the figures (see resolve.evaluate)."""
    from questionnaire_returns.resolve.evaluate import evaluate as _evaluate

    return _evaluate(*args, **kwargs)


__all__ = ["CanonError", "LearnedAlias", "NameMatch", "Resolver", "UnknownNames", "evaluate", "get_resolver"]
