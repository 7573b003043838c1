/**
 * Workforce threats: remote IT workers under false identities and hijacked accounts.
 *
 * <p>One event model ({@link dev.cordon.workforce.LoginEvent}, {@link
 * dev.cordon.workforce.EndpointObservation}, {@link dev.cordon.workforce.HrRecord}), parsers for
 * identity-provider logs, endpoint inventories and HR records, enrichment through MaxMind
 * databases and VPN/hosting lists, streaming detectors that keep compact per-account state, and a
 * per-person risk view. Findings use {@link dev.cordon.core.Finding} so that one alert queue holds
 * chain and workforce alerts. Code outside the public API lives in {@code .internal}.
 */
package dev.cordon.workforce;
