"""Use cases of one domain.

Warnings (预警): rules and thresholds, detection, the scan that records and delivers them.
"""
