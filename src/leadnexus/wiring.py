"""The composition root: every feature's background jobs and cross-feature flows, imported once.

The web app and the worker import this module; no feature does. Importing a flows module
subscribes it to the events of the features below it (`leads.events`), and importing a tasks
module registers its jobs (and periodic jobs) with the queue.
"""

from __future__ import annotations

from leadnexus.auth import tasks as auth_tasks
from leadnexus.leads import tasks as lead_tasks
from leadnexus.marketplace import flows as marketplace_flows
from leadnexus.marketplace import tasks as marketplace_tasks
from leadnexus.notifications import tasks as notification_tasks
from leadnexus.queue import huey
from leadnexus.review import flows as review_flows

TASK_MODULES = (auth_tasks, lead_tasks, marketplace_tasks, notification_tasks)
FLOW_MODULES = (marketplace_flows, review_flows)

__all__ = ["FLOW_MODULES", "TASK_MODULES", "huey"]
