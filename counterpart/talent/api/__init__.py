"""People who serve under /api/: posts, professionals, match runs, placements and knowledge.

The same services and scoping as the pages: a professional's name is in the answer only for
those who may see it; everyone else gets the applicant number.
"""

from ninja import Router

from counterpart.talent.api import knowledge, people, placements, posts

router = Router()
for part in (posts, people, placements, knowledge):
    router.add_router("", part.router)
