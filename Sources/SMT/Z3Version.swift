import CZ3

/// The version of the Z3 library Ouroboros runs with (the one loaded, not the one built against).
public enum Z3Version {
    /// `major.minor.build.revision`, from `Z3_get_version`.
    public static var number: String {
        var major: UInt32 = 0, minor: UInt32 = 0, build: UInt32 = 0, revision: UInt32 = 0
        Z3_get_version(&major, &minor, &build, &revision)
        return "\(major).\(minor).\(build).\(revision)"
    }

    /// Z3's own description of its version, from `Z3_get_full_version`.
    public static var full: String {
        String(cString: Z3_get_full_version())
    }
}
