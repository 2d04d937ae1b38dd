"""Regulations advisor."""
