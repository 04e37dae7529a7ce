"""What may follow what: the contract's lifecycle table, and nothing else."""

from dataclasses import dataclass
from enum import StrEnum

from xinfang_cli.domain.enums import CaseStatus as S
from xinfang_cli.domain.errors import TransitionNotAllowed


class Action(StrEnum):
    ACCEPT = "accept"
    REJECT = "reject"
    CLOSE = "close"
    REVIEW = "review"  # 复查
    REREVIEW = "rereview"  # 复核
    TERMINATE = "terminate"  # 终结认定
    EXTEND = "extend"
    FOLLOW = "follow"
    ASSIGN = "assign"
    LEADER = "leader"
    ESCALATE = "escalate"


@dataclass(frozen=True)
class CaseState:
    """What the rules need to know of a case."""

    status: S
    reviewed: bool = False  # a review (复查) was opened once
    rereviewed: bool = False  # a re-review (复核) was opened once
    extended: bool = False


STATUS_CHANGES: dict[Action, tuple[frozenset[S], S]] = {
    Action.ACCEPT: (frozenset({S.REGISTERED}), S.ACCEPTED),
    Action.REJECT: (frozenset({S.REGISTERED}), S.REJECTED),
    Action.CLOSE: (frozenset({S.ACCEPTED, S.REVIEWING, S.REREVIEWING}), S.CLOSED),
    Action.REVIEW: (frozenset({S.CLOSED}), S.REVIEWING),
    Action.REREVIEW: (frozenset({S.CLOSED}), S.REREVIEWING),
    Action.TERMINATE: (frozenset({S.ACCEPTED, S.CLOSED}), S.TERMINATED),
}

ENDED = frozenset({S.REJECTED, S.TERMINATED})
"""No change but a follow-up once rejected (不予受理) or terminated (终结认定)."""


def allowed(state: CaseState, action: Action) -> bool:
    """May `action` be taken on a case in `state`?"""
    if state.status is S.VOIDED:
        return False  # only `xf undo` brings a voided case back
    if action is Action.FOLLOW:
        return True  # a terminated petitioner may still need watching
    if state.status in ENDED:
        return False
    if action in (Action.ASSIGN, Action.LEADER, Action.ESCALATE):
        return True
    if action is Action.EXTEND:
        # 信访工作条例 art. 34: extendable once, while being handled
        return state.status is S.ACCEPTED and not state.extended
    if action is Action.REVIEW and state.reviewed:
        return False
    if action is Action.REREVIEW:
        # after re-review the same request is not accepted again (不再受理, art. 36)
        if not state.reviewed or state.rereviewed:
            return False
    sources, _ = STATUS_CHANGES[action]
    return state.status in sources


def check(state: CaseState, action: Action, case_id: str) -> None:
    """Refuse (exit 2) an action the lifecycle does not allow."""
    if state.status is S.VOIDED:
        raise TransitionNotAllowed("err.case_voided", case=case_id)
    if action is Action.EXTEND and state.extended and state.status is S.ACCEPTED:
        raise TransitionNotAllowed("err.already_extended", case=case_id)
    if action is Action.REVIEW and state.reviewed and state.status is S.CLOSED:
        raise TransitionNotAllowed("err.already_reviewed", case=case_id)
    if not allowed(state, action):
        raise TransitionNotAllowed(case=case_id, action=f"xf {action}", status=state.status)


def next_actions(state: CaseState) -> list[Action]:
    """Every action allowed from `state`: never empty (a follow-up is always possible)."""
    return [a for a in Action if allowed(state, a)]


def check_void(state: CaseState, case_id: str) -> None:
    """作废: any case may be voided (entered twice, or by mistake), once."""
    if state.status is S.VOIDED:
        raise TransitionNotAllowed("err.case_voided", case=case_id)


def target(action: Action) -> S | None:
    """The status an action leads to, or None where the status stays."""
    change = STATUS_CHANGES.get(action)
    return change[1] if change else None
