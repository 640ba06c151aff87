"""GraphQL types and thin fields of one domain.

Reports (报表) for management and BI, the monthly analysis report, boards, saved reports.
"""
