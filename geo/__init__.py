"""Cluster Atlas library: plans -> normalized text -> roles -> joined layers -> maps and exports."""
