"""The circuit breaker stops calling a failing model server, then tries it again."""

from __future__ import annotations

from advisor.writers.llm_guard import CircuitBreaker


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_breaker_opens_after_three_consecutive_failures_and_retries_after_the_cooldown():
    clock = Clock()
    breaker = CircuitBreaker(threshold=3, cooldown=60, clock=clock)
    for _ in range(3):
        assert breaker.allow()
        breaker.failure()
    assert not breaker.allow()
    clock.now += 59
    assert not breaker.allow() and 0 < breaker.retry_in() <= 1
    clock.now += 1
    assert breaker.allow()  # half-open: one trial call
    breaker.failure()
    assert not breaker.allow()  # a failed trial reopens at once


def test_a_success_resets_the_count_of_failures():
    breaker = CircuitBreaker(threshold=3, cooldown=60, clock=Clock())
    breaker.failure()
    breaker.failure()
    breaker.success()
    breaker.failure()
    breaker.failure()
    assert breaker.allow()
