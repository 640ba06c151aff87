"""Use cases of one domain.

Requirements (需求): raising, the review rounds and their electronic sign-off (电子签批).
"""
