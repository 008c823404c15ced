"""Meetings (seed 003): leadership groups, role networks and the improvement board.

planning: plan, edit and cancel meetings, and the cadence of six a year; agenda: items in
order and their notes; attendance: who came, or sent a deputy; actions: the one list of
every action; board: the improvement board's members and its scrutiny of plans;
ics: a network's meetings as an iCalendar file.
"""
