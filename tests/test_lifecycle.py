"""The lifecycle table as rules: every reachable state has a next step; nothing else passes."""

from hypothesis import given
from hypothesis import strategies as st

from xinfang_cli.domain.enums import CaseStatus as S
from xinfang_cli.domain.lifecycle import Action, CaseState, allowed, next_actions, target


def step(state: CaseState, action: Action) -> CaseState:
    new = target(action) or state.status
    return CaseState(status=new,
                     reviewed=state.reviewed or action is Action.REVIEW,
                     rereviewed=state.rereviewed or action is Action.REREVIEW,
                     extended=state.extended or action is Action.EXTEND)


@given(st.lists(st.sampled_from(list(Action)), max_size=30))
def test_every_reachable_state_has_a_next_step(actions) -> None:
    state = CaseState(S.REGISTERED)
    for action in actions:
        assert next_actions(state), state
        if allowed(state, action):
            state = step(state, action)
    assert Action.FOLLOW in next_actions(state)


@given(st.lists(st.sampled_from(list(Action)), max_size=30))
def test_only_the_table_changes_status(actions) -> None:
    table = {
        Action.ACCEPT: {S.REGISTERED}, Action.REJECT: {S.REGISTERED},
        Action.CLOSE: {S.ACCEPTED, S.REVIEWING, S.REREVIEWING}, Action.REVIEW: {S.CLOSED},
        Action.REREVIEW: {S.CLOSED}, Action.TERMINATE: {S.ACCEPTED, S.CLOSED},
    }
    state = CaseState(S.REGISTERED)
    for action in actions:
        if allowed(state, action):
            if action in table:
                assert state.status in table[action]
            state = step(state, action)


def test_review_rules() -> None:
    closed = CaseState(S.CLOSED)
    assert allowed(closed, Action.REVIEW) and not allowed(closed, Action.REREVIEW)
    reviewed = CaseState(S.CLOSED, reviewed=True)
    assert not allowed(reviewed, Action.REVIEW) and allowed(reviewed, Action.REREVIEW)
    done = CaseState(S.CLOSED, reviewed=True, rereviewed=True)
    assert not allowed(done, Action.REREVIEW) and allowed(done, Action.TERMINATE)


def test_ended_cases_take_only_follow_ups() -> None:
    for status in (S.REJECTED, S.TERMINATED):
        assert next_actions(CaseState(status)) == [Action.FOLLOW]


def test_one_extension_while_accepted() -> None:
    assert allowed(CaseState(S.ACCEPTED), Action.EXTEND)
    assert not allowed(CaseState(S.ACCEPTED, extended=True), Action.EXTEND)
    assert not allowed(CaseState(S.REGISTERED), Action.EXTEND)
