"""Who the learner is, in words the command line and the forms offer as choices: role, line
of work, career direction.

Plain enums with no pydantic, so ``studyplanner --help`` can list the choices without loading
the models.
"""

from __future__ import annotations

from enum import StrEnum

from studyplanner.i18n import N_, _


class ExperienceField(StrEnum):
    """A line of work outside AWS itself that some exam guides ask years of."""

    SOFTWARE = "software"
    ARCHITECTURE = "architecture"
    OPERATIONS = "operations"
    DATA = "data"
    SECURITY = "security"
    NETWORKING = "networking"
    MACHINE_LEARNING = "machine-learning"

    @property
    def label(self) -> str:
        return _(_FIELD_LABELS[self])


_FIELD_LABELS = {
    ExperienceField.SOFTWARE: N_("software development"),
    ExperienceField.ARCHITECTURE: N_("architecture"),
    ExperienceField.OPERATIONS: N_("operations"),
    ExperienceField.DATA: N_("data engineering"),
    ExperienceField.SECURITY: N_("security"),
    ExperienceField.NETWORKING: N_("networking"),
    ExperienceField.MACHINE_LEARNING: N_("machine learning and AI"),
}


class Role(StrEnum):
    """The learner's current job, the seed guide's first key variable."""

    DEVELOPER = "developer"
    ARCHITECT = "architect"
    OPERATIONS = "operations"
    DATA = "data"
    SECURITY = "security"
    NETWORKING = "networking"
    ML = "ml"
    MANAGER = "manager"

    @property
    def label(self) -> str:
        return _(_ROLE_LABELS[self])

    @property
    def plan_title(self) -> str:
        """A suggested plan's name for this role: short, as a window title shows it ("Manager
        path", not the picker's "Manager, sales or other non-engineering role path")."""
        return _(_PLAN_TITLES[self])

    @property
    def field(self) -> ExperienceField | None:
        """The line of work this role's years count towards (None for non-engineering roles)."""
        return _ROLE_FIELDS[self]


_ROLE_LABELS = {
    Role.DEVELOPER: N_("Software developer"),
    Role.ARCHITECT: N_("Solutions / cloud architect"),
    Role.OPERATIONS: N_("Operations / sysadmin / SRE"),
    Role.DATA: N_("Data engineer / analyst"),
    Role.SECURITY: N_("Security engineer"),
    Role.NETWORKING: N_("Network engineer"),
    Role.ML: N_("ML / AI engineer"),
    Role.MANAGER: N_("Manager, sales or other non-engineering role"),
}


# Whole titles, not "{role} path": a translation may need to inflect the role.
_PLAN_TITLES = {
    Role.DEVELOPER: N_("Developer path"),
    Role.ARCHITECT: N_("Architect path"),
    Role.OPERATIONS: N_("Operations path"),
    Role.DATA: N_("Data path"),
    Role.SECURITY: N_("Security path"),
    Role.NETWORKING: N_("Networking path"),
    Role.ML: N_("Machine learning path"),
    Role.MANAGER: N_("Manager path"),
}


_ROLE_FIELDS = {
    Role.DEVELOPER: ExperienceField.SOFTWARE,
    Role.ARCHITECT: ExperienceField.ARCHITECTURE,
    Role.OPERATIONS: ExperienceField.OPERATIONS,
    Role.DATA: ExperienceField.DATA,
    Role.SECURITY: ExperienceField.SECURITY,
    Role.NETWORKING: ExperienceField.NETWORKING,
    Role.ML: ExperienceField.MACHINE_LEARNING,
    Role.MANAGER: None,
}


class Direction(StrEnum):
    """Where the learner wants their career to go next."""

    ARCHITECTURE = "architecture"
    DEVOPS = "devops"
    SECURITY = "security"
    DATA = "data"
    ML = "ml"
    NETWORKING = "networking"

    @property
    def label(self) -> str:
        return _(
            {
                Direction.ARCHITECTURE: N_("Architecture"),
                Direction.DEVOPS: N_("DevOps / automation"),
                Direction.SECURITY: N_("Security & compliance"),
                Direction.DATA: N_("Data engineering"),
                Direction.ML: N_("Machine learning & AI"),
                Direction.NETWORKING: N_("Networking"),
            }[self]
        )
