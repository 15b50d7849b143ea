from tests.discussions.conftest import category, eager_tasks, thread

__all__ = ["category", "eager_tasks", "thread"]
