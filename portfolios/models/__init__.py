from portfolios.models.evidence import Claim, EvidenceItem, EvidenceVersion, RecordConfirmation, StoredFile

__all__ = ["Claim", "EvidenceItem", "EvidenceVersion", "RecordConfirmation", "StoredFile"]
