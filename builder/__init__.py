"""Builds the customer-service course site from trainers' YAML."""
