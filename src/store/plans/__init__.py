"""Annual action plans (seed 003), one function per thing a user does.

planning: plans, their lead and deputy, priorities, actions and rolling a plan forward;
partnership: the city-wide priorities each year; funding: the allocation by the rules and
spending against actions, in pounds and pence; progress: statuses, the plans list,
the board's ratification and the impact evaluation.
"""
