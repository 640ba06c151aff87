"""Use cases of one domain.

Tasks (任务): splitting, progress, reschedules, results and their acceptance, my work.
"""
