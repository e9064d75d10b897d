"""Django's permission questions, answered from memberships.

Apps below accounts (the audit log, the work queue) cannot import its predicates; they ask
Django's own `user.has_perm(...)`, and this backend answers with the predicates everyone else
uses.
It authenticates no one: signing in stays with Django's ModelBackend.
"""

from counterpart.accounts import permissions

ANSWERS = {
    "audit.view_auditevent": permissions.can_read_audit,
    "jobs.view_job": permissions.is_programme_office,
}


class RoleBackend:
    def authenticate(self, request, **credentials):
        return None

    def get_user(self, user_id):
        return None

    def has_perm(self, user_obj, perm: str, obj=None) -> bool:
        answer = ANSWERS.get(perm)
        return bool(answer and answer(user_obj))
