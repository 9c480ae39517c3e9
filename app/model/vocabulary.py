"""The closed vocabularies of the steering graph, defined once.

Validation, the Cypher schema check, the API's enums and (later) the map's colours all read
these. Adding a value here is the only way to add a kind, a mode or a role.
"""

from collections.abc import Iterable
from enum import StrEnum


class Label(StrEnum):
    """Node labels: one node table in LadybugDB, one label in Neo4j."""

    ORGANIZATION = "Organization"
    PERSON = "Person"
    POST = "Post"
    PROJECT = "Project"
    DOCUMENT = "Document"
    EVENT = "Event"
    GOAL = "Goal"
    SOURCE = "Source"


class RelType(StrEnum):
    STEERS = "STEERS"
    MEMBER_OF = "MEMBER_OF"
    HOLDS = "HOLDS"
    POST_IN = "POST_IN"
    PART_OF = "PART_OF"
    PREPARES_FOR = "PREPARES_FOR"
    SUPPORTS = "SUPPORTS"
    COOPERATES_WITH = "COOPERATES_WITH"
    ORGANISES = "ORGANISES"
    PARTICIPATES_IN = "PARTICIPATES_IN"
    PARTY_TO = "PARTY_TO"
    PRODUCES = "PRODUCES"
    HAS_GOAL = "HAS_GOAL"
    CONCERNS = "CONCERNS"
    DERIVES_FROM = "DERIVES_FROM"
    CONTACT_FOR = "CONTACT_FOR"


class OrgKind(StrEnum):
    MINISTRY = "ministry"
    AGENCY = "agency"
    REGIONAL_CENTRE = "regional_centre"
    REGIONAL_AGENCY = "regional_agency"
    REGIONAL_OFFICE = "regional_office"
    STATE_COMPANY = "state_company"
    UNIT = "unit"
    ADMINISTRATIVE_BRANCH = "administrative_branch"
    MINISTRY_GROUP = "ministry_group"
    SECTOR = "sector"
    COLLECTIVE = "collective"
    MANAGEMENT_GROUP = "management_group"
    PREPARATORY_GROUP = "preparatory_group"
    STEERING_GROUP = "steering_group"
    WORKING_GROUP = "working_group"
    MANAGERS_GROUP = "managers_group"
    FORUM = "forum"
    NETWORK = "network"
    INFORMAL_GROUP = "informal_group"
    BOARD = "board"
    PARTY = "party"  # Popolo's classification, e.g. a parliamentary group
    LEGISLATURE = "legislature"
    GOVERNMENT = "government"
    OTHER = "other"  # the sources do not say what kind of body it is


class PersonKind(StrEnum):
    PERSON = "person"


class PostKind(StrEnum):
    MINISTER = "minister"
    PERMANENT_SECRETARY = "permanent_secretary"
    UNDER_SECRETARY_OF_STATE = "under_secretary_of_state"
    HEAD_OF_DEPARTMENT = "head_of_department"
    DIRECTOR_GENERAL = "director_general"
    HEAD_OF_UNIT = "head_of_unit"
    HEAD_OF_ORGANISATION = "head_of_organisation"
    CHAIR = "chair"
    JOB_TITLE = "job_title"
    ROLE_CLASS = "role_class"


class ProjectKind(StrEnum):
    PROJECT = "project"
    PROGRAMME = "programme"
    PORTFOLIO = "portfolio"
    INTERNAL_INITIATIVE = "internal_initiative"


class DocumentKind(StrEnum):
    STRATEGY_DOCUMENT = "strategy_document"
    PERFORMANCE_AGREEMENT = "performance_agreement"
    GOVERNMENT_PROGRAMME = "government_programme"
    BUDGET = "budget"
    SPENDING_LIMITS = "spending_limits"
    OUTPUT = "output"
    ACTION_PROGRAMME = "action_programme"
    STEERING_MODEL = "steering_model"
    STRATEGY = "strategy"
    INDICATOR_SET = "indicator_set"
    OPERATING_PRINCIPLES = "operating_principles"
    GUIDELINES = "guidelines"
    PUBLICATION = "publication"
    DISCUSSION_INITIATIVE = "discussion_initiative"


class EventKind(StrEnum):
    EVENT = "event"
    EVENT_SERIES = "event_series"
    MEETING = "meeting"
    MEETING_SERIES = "meeting_series"
    WORKSHOP_SERIES = "workshop_series"
    DECISION = "decision"
    PLANNING_CYCLE = "planning_cycle"
    REFORM = "reform"


class GoalKind(StrEnum):
    OVERARCHING_GOAL = "overarching_goal"
    RESULT_AREA = "result_area"
    OBJECTIVE = "objective"
    VISION = "vision"
    BUSINESS_IDEA = "business_idea"
    TARGET_IMAGE = "target_image"
    INTERNAL_GOAL = "internal_goal"
    PRIORITY = "priority"


class SourceKind(StrEnum):
    SEED = "seed"
    IMPORT = "import"  # a file read by `orgmap import` (Popolo, CSV)
    REFERENCE = "reference"  # a list of official names: cited for names only, never for a fact


class SteeringMode(StrEnum):
    ADMINISTRATIVE = "administrative"
    PERFORMANCE = "performance"
    DEVELOPMENT = "development"
    COORDINATION = "coordination"
    OVERSIGHT = "oversight"
    INTERNAL_GUIDANCE = "internal_guidance"
    UNSPECIFIED = "unspecified"  # the text states steering but names no mode


class MemberRole(StrEnum):
    CHAIR = "chair"
    MEMBER = "member"
    EXPERT_MEMBER = "expert_member"
    REPRESENTATIVE = "representative"
    STAFF = "staff"


class MembershipBasis(StrEnum):
    EX_OFFICIO = "ex_officio"
    DESIGNATED = "designated"
    APPOINTED = "appointed"
    VIA_POST = "via_post"


class PartOfKind(StrEnum):
    UNIT_OF = "unit_of"
    SUBORDINATE_TO = "subordinate_to"
    BODY_OF = "body_of"
    MEMBER_ORG_OF = "member_org_of"
    MEMBER_OF_COLLECTIVE = "member_of_collective"
    SUBSET_OF = "subset_of"
    WITHIN = "within"
    MINISTRY_OF_BRANCH = "ministry_of_branch"
    EXAMPLE_OF = "example_of"
    SERIES_MEMBER = "series_member"
    COMPONENT_OF = "component_of"


class SupportMode(StrEnum):
    SUPPORT_IN_PREPARATION = "support_in_preparation"
    HANDLES_ASSIGNED_MATTERS = "handles_assigned_matters"
    INFORMATION_AND_DISCUSSION = "information_and_discussion"
    NETWORKING_AND_TRAINING = "networking_and_training"
    PROCESS_SUPPORT = "process_support"
    INPUT = "input"
    EXPERT_SUPPORT = "expert_support"
    STAFF_OFFICE = "staff_office"
    SERVES = "serves"  # a service centre for the bodies it serves
    ENABLES = "enables"  # a goal that serves the reaching of other goals


class CooperationMode(StrEnum):
    GENERAL = "general"
    ESPECIALLY = "especially"
    JOINT_PROVISION = "joint_provision"


class OrganiseRole(StrEnum):
    ORGANISER = "organiser"
    CO_PROVIDER = "co_provider"
    APPOINTING_BODY = "appointing_body"
    OWNER = "owner"
    HOLDER = "holder"
    FACILITATOR = "facilitator"
    INVITER = "inviter"


class ParticipationRole(StrEnum):
    PARTICIPANT = "participant"
    INVITEE = "invitee"
    TARGET_AUDIENCE = "target_audience"
    PRESENTER = "presenter"


class PartyRole(StrEnum):
    PARTY = "party"
    SUBJECT = "subject"


class ProduceMode(StrEnum):
    AUTHORS = "authors"
    CREATES = "creates"
    SETS = "sets"
    DRAFTS = "drafts"
    PROPOSES = "proposes"
    DECIDES = "decides"
    CONTRIBUTES = "contributes"


class ConcernsMode(StrEnum):
    ABOUT = "about"
    COVERS = "covers"
    ASSESSES = "assesses"
    REMOVES = "removes"  # a (proposed) structure that does away with an earlier goal


class DerivesMode(StrEnum):
    REPLACES = "replaces"
    LINKED_FROM = "linked_from"
    TAKES_INTO_ACCOUNT = "takes_into_account"
    FORMED_BY_ALUMNI_OF = "formed_by_alumni_of"


class ContactBasis(StrEnum):
    EXPLICIT = "explicit"
    PAGE_POSITION = "page_position"


class ContactChannel(StrEnum):
    EMAIL = "email"
    PHONE = "phone"


class Status(StrEnum):
    """Where a fact stood when its source was written. Absent means the source does not say."""

    PLANNED = "planned"
    PROPOSED = "proposed"
    CURRENT = "current"
    PAUSED = "paused"
    COMPLETED = "completed"
    ENDED = "ended"
    REMOVED = "removed"
    REPLACED = "replaced"


class Assertion(StrEnum):
    """How the source supports a fact: said outright, implied, or inferred across sources."""

    STATED = "stated"
    IMPLIED = "implied"
    INFERRED = "inferred"

    @property
    def strength(self) -> int:
        """stated (2) > implied (1) > inferred (0): a chain of facts is as strong as its
        weakest, and a conclusion reached by several chains as its strongest."""
        return _ASSERTION_STRENGTH[self]


_ASSERTION_STRENGTH = {Assertion.STATED: 2, Assertion.IMPLIED: 1, Assertion.INFERRED: 0}


def weakest(assertions: Iterable[Assertion]) -> Assertion:
    """The weakest of the assertions (stated for none: an empty chain asserts nothing less)."""
    return min(assertions, key=lambda a: a.strength, default=Assertion.STATED)


def strongest(assertions: Iterable[Assertion]) -> Assertion:
    """The strongest of the assertions (inferred for none)."""
    return max(assertions, key=lambda a: a.strength, default=Assertion.INFERRED)


class Confidence(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Lang(StrEnum):
    FI = "fi"
    SV = "sv"
    EN = "en"


class Country(StrEnum):
    FI = "FI"
    SE = "SE"


class ViewName(StrEnum):
    """The maps' views (app/viz/maps.py draws each; app/model/params.py holds their
    parameters): what /api/v1/views/{name} serves and a saved map reopens."""

    NEIGHBOURHOOD = "neighbourhood"
    STEERED_BY = "steered-by"
    STEERS = "steers"
    MEMBERS = "members"
    PREPARATION_CHAIN = "preparation-chain"
    PATHS = "paths"
    GRAPH = "graph"
    ORG_CHART = "org-chart"


# Bodies people and posts sit in: what "groups" means for members, chairs and interlocks.
GROUP_KINDS = frozenset(
    {
        OrgKind.MANAGEMENT_GROUP,
        OrgKind.PREPARATORY_GROUP,
        OrgKind.STEERING_GROUP,
        OrgKind.WORKING_GROUP,
        OrgKind.MANAGERS_GROUP,
        OrgKind.FORUM,
        OrgKind.NETWORK,
        OrgKind.INFORMAL_GROUP,
        OrgKind.BOARD,
    }
)

# PART_OF kinds along which steering reaches down: whoever steers a body steers its
# subordinate offices and its units.
STEERING_INHERITED_THROUGH = frozenset({PartOfKind.SUBORDINATE_TO, PartOfKind.UNIT_OF})

# PART_OF kinds that make one body a unit of an organisation: what an organisation chart draws.
ORG_CHART_PARTS = frozenset(
    {PartOfKind.UNIT_OF, PartOfKind.SUBORDINATE_TO, PartOfKind.WITHIN, PartOfKind.BODY_OF}
)
