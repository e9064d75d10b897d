import datetime

from ninja import Router, Schema
from ninja.pagination import paginate

from counterpart.audit import selectors
from counterpart.audit.events import event_name

router = Router(tags=["audit"])


class AuditEventOut(Schema):
    id: int
    occurred_at: datetime.datetime
    actor_label: str
    event_type: str
    event_name: str
    object_type: str
    object_id: str
    object_repr: str
    before: dict | None
    after: dict | None
    reason: str

    @staticmethod
    def resolve_event_name(event) -> str:
        return event_name(event.event_type)


@router.get("/events", response=list[AuditEventOut])
@paginate
def list_events(
    request,
    actor: str | None = None,
    object_type: str | None = None,
    event_type: str | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
):
    return selectors.audit_event_list(
        actor=request.auth,
        actor_label=actor,
        object_type=object_type,
        event_type=event_type,
        date_from=date_from,
        date_to=date_to,
    )


class CheckpointOut(Schema):
    day: datetime.date
    length: int
    chain_hash: str
    signature: str
    public_key: str


@router.get("/checkpoints", response=list[CheckpointOut], url_name="audit_checkpoints")
@paginate
def list_checkpoints(request):
    """The audit chain's head, signed each day with the site's Ed25519 key (public): keep them
    elsewhere and `counterpart audit verify --checkpoints FILE` tells whether the log still
    extends each. The signed bytes are
    `counterpart-audit-checkpoint\\n{day}\\n{length}\\n{chain_hash}`."""
    return selectors.checkpoint_list()
