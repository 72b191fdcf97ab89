//! Finding a session on the room's network without typing its address: the host announces
//! itself over multicast DNS service discovery (mDNS / DNS-SD, RFC 6762 and 6763, the way
//! printers and AirPlay screens are found), and *Deelnemen…* lists what it hears.
//!
//! What is announced is only where to connect: the name of the hosting laptop and the port.
//! Finding a session admits nobody: the join code is still proven through the PAKE
//! ([`super::secure`]), so a fake announcement leads at worst to a host whose code the seat
//! cannot prove. Guest Wi-Fi often blocks multicast between laptops; the typed address then
//! works as before. Uses the `mdns-sd` crate (its own responder, no Avahi or Bonjour needed, so
//! it works the same on Windows, macOS and Linux, and beside a running Avahi).

use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};

use mdns_sd::{ServiceDaemon, ServiceEvent, ServiceInfo};

use super::protocol::PROTOCOL_VERSION;

/// The DNS-SD service type of a session (`avahi-browse -rt _keuzekaart._tcp` lists hosts).
pub const SERVICE_TYPE: &str = "_keuzekaart._tcp.local.";

/// A session found on the network.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The announced name ("Keuzekaart op laptop-zaal").
    pub name: String,
    /// Where to connect; the first is shown and tried.
    pub addresses: Vec<SocketAddr>,
}

/// Whether a session listening on `address` is announced at all: only one that listens on all
/// of the laptop's networks is meant for the room. A session on one address (loopback in
/// tests, or one network the official chose) is not announced on the others.
pub fn announces(address: SocketAddr) -> bool {
    address.ip().is_unspecified()
}

/// A host's announcement; it is withdrawn (a goodbye packet) when dropped.
pub struct Announcement {
    daemon: ServiceDaemon,
    fullname: String,
}

impl Announcement {
    /// Announces a session on `port` of this laptop, on every network it is on.
    pub fn start(port: u16) -> Result<Announcement, String> {
        let daemon = ServiceDaemon::new().map_err(|e| e.to_string())?;
        let machine = machine_name();
        let label = dns_label(&machine);
        let version = PROTOCOL_VERSION.to_string();
        let info = ServiceInfo::new(
            SERVICE_TYPE,
            &format!("Keuzekaart op {machine}"),
            &format!("{label}.local."),
            "",
            port,
            [("protocol", version.as_str())].as_slice(),
        )
        .map_err(|e| e.to_string())?
        .enable_addr_auto();
        let fullname = info.get_fullname().to_owned();
        daemon.register(info).map_err(|e| e.to_string())?;
        Ok(Announcement { daemon, fullname })
    }
}

impl Drop for Announcement {
    fn drop(&mut self) {
        if let Ok(done) = self.daemon.unregister(&self.fullname) {
            // The goodbye goes out within a few milliseconds; don't hold the caller up longer.
            let _ = done.recv_timeout(std::time::Duration::from_millis(500));
        }
        let _ = self.daemon.shutdown();
    }
}

/// Listens for sessions on the network, for *Deelnemen…*.
pub struct Browser {
    daemon: ServiceDaemon,
    events: mdns_sd::Receiver<ServiceEvent>,
    found: BTreeMap<String, Found>,
}

impl Browser {
    /// Starts listening.
    pub fn start() -> Result<Browser, String> {
        let daemon = ServiceDaemon::new().map_err(|e| e.to_string())?;
        let events = daemon.browse(SERVICE_TYPE).map_err(|e| e.to_string())?;
        Ok(Browser {
            daemon,
            events,
            found: BTreeMap::new(),
        })
    }

    /// The sessions heard of so far (and not said goodbye), without waiting; sorted by name.
    pub fn found(&mut self) -> Vec<Found> {
        while let Ok(event) = self.events.try_recv() {
            match event {
                ServiceEvent::ServiceResolved(service) => {
                    // Only hosts that speak this protocol: an older or newer app says so itself.
                    if service.get_property_val_str("protocol")
                        != Some(PROTOCOL_VERSION.to_string().as_str())
                    {
                        continue;
                    }
                    let mut addresses: Vec<SocketAddr> = service
                        .get_addresses()
                        .iter()
                        .map(|ip| SocketAddr::new(ip.to_ip_addr(), service.get_port()))
                        .filter(|a| usable(a.ip()))
                        .collect();
                    // IPv4 first, what officials read and type; loopback (a host on this
                    // very laptop) last.
                    addresses.sort_by_key(|a| (a.ip().is_loopback(), a.is_ipv6(), *a));
                    if addresses.is_empty() {
                        continue;
                    }
                    let name = instance_name(&service.fullname);
                    self.found
                        .insert(service.fullname.clone(), Found { name, addresses });
                }
                ServiceEvent::ServiceRemoved(_, fullname) => {
                    self.found.remove(&fullname);
                }
                _ => {}
            }
        }
        let mut found: Vec<Found> = self.found.values().cloned().collect();
        found.sort_by(|a, b| a.name.cmp(&b.name));
        found
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.daemon.stop_browse(SERVICE_TYPE);
        let _ = self.daemon.shutdown();
    }
}

/// Addresses a seat can reach: not loopback of another machine, not IPv6 link-local (which
/// needs an interface to be typed).
fn usable(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => !v4.is_unspecified(),
        IpAddr::V6(v6) => !v6.is_unspecified() && (v6.segments()[0] & 0xffc0) != 0xfe80,
    }
}

/// The readable part of a full service name ("Keuzekaart op zaal._keuzekaart._tcp.local.").
fn instance_name(fullname: &str) -> String {
    let name = fullname
        .strip_suffix(SERVICE_TYPE)
        .map(|n| n.trim_end_matches('.'))
        .unwrap_or(fullname);
    // DNS-SD escapes dots and backslashes in instance names.
    let name = name.replace("\\.", ".").replace("\\\\", "\\");
    shown_name(&name)
}

/// A name heard from the network, fit to show: anyone on the Wi-Fi can announce one, so
/// control and direction-changing characters go, and it is cut at 80 characters.
fn shown_name(name: &str) -> String {
    let mut shown: String = name
        .chars()
        .filter(|c| !c.is_control() && !crate::core::words::is_bidi_control(*c))
        .take(80)
        .collect();
    if name.chars().count() > 80 {
        shown.push('…');
    }
    shown
}

/// This laptop's name as the network knows it.
fn machine_name() -> String {
    let from_env = ["HOSTNAME", "COMPUTERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|n| !n.trim().is_empty()));
    from_env
        .or_else(|| {
            std::fs::read_to_string("/etc/hostname")
                .ok()
                .map(|n| n.trim().to_owned())
                .filter(|n| !n.is_empty())
        })
        .unwrap_or_else(|| "deze laptop".to_owned())
}

/// A host name label: letters, digits and hyphens, at most 63 (RFC 1035).
fn dns_label(name: &str) -> String {
    let label: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .take(63)
        .collect();
    let label = label.trim_matches('-').to_owned();
    if label.is_empty() {
        "keuzekaart".to_owned()
    } else {
        label
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_read_back_and_host_labels_stay_valid() {
        assert_eq!(
            instance_name("Keuzekaart op zaal\\.nijmegen._keuzekaart._tcp.local."),
            "Keuzekaart op zaal.nijmegen"
        );
        assert_eq!(
            dns_label("Laptop van Anne-Marie (zaal 2)"),
            "Laptop-van-Anne-Marie--zaal-2"
        );
        assert_eq!(dns_label("🌶🌶"), "keuzekaart");
        assert_eq!(dns_label(&"x".repeat(200)).len(), 63);
        assert_eq!(
            instance_name("Keuzekaart\u{202e}\u{7} op zaal._keuzekaart._tcp.local."),
            "Keuzekaart op zaal"
        );
        assert_eq!(shown_name(&"a".repeat(10_000)).chars().count(), 81);
        assert!(!usable("fe80::1".parse().unwrap()));
        assert!(usable("192.168.1.20".parse().unwrap()));
        assert!(announces("0.0.0.0:47110".parse().unwrap()));
        assert!(!announces("127.0.0.1:47110".parse().unwrap()));
    }
}
