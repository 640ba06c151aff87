"""Use cases of one domain.

Scenario templates (需求模板): their versioned definitions, rules, tasks and thresholds.
"""
