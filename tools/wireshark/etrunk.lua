-- SPDX-License-Identifier: GPL-2.0
--
-- etrunk.lua - Wireshark/tshark dissector of etrunk's own protocols:
--
--   etrunk.hello  E-Trunk hellos, UDP port 61000
--                 (Documentation/e-trunk-protocol.md)
--   etrunk.flush  flush frames, EtherType 0x88b5 to 03:45:54:52:4b:46
--                 (Documentation/flush-frame.md)
--   etrunk.rbs    remote backup, TCP port 6787, reassembled across
--                 segments (Documentation/rbs-protocol.md)
--
-- Every field is named and filterable (etrunk.hello.priority,
-- etrunk.flush.seq, etrunk.rbs.type, ...). Expert info marks a length that
-- disagrees with the packet, reserved bits set, an unknown version or
-- type, and an HMAC: present (note), or with a key in the protocol's
-- preferences verified good or bad. The RBS HMAC covers the sender's
-- role (C connects, L listens on the port) and the receiver's hello nonce
-- (zeros in a hello): it is verified once the capture holds the
-- receiver's hello on the same connection. The ports are preferences.
--
-- Use: tshark -X lua_script:etrunk.lua ..., or copy it into Wireshark's
-- plugin directory (~/.local/lib/wireshark/plugins/ or
-- /usr/lib/x86_64-linux-gnu/wireshark/plugins/).

local HMAC_LEN = 32

-- ---- HMAC-SHA256 in Lua 5.2 (bit32), for the key preferences ----------

local band, bor, bxor, bnot = bit32.band, bit32.bor, bit32.bxor, bit32.bnot
local rrotate, rshift = bit32.rrotate, bit32.rshift

local K = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
}

local function sha256(msg)
	local h = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
	}
	local len = #msg
	msg = msg .. "\128" .. string.rep("\0", (55 - len) % 64)
	local bits = len * 8
	local tail = {}
	for i = 7, 0, -1 do
		tail[#tail + 1] = string.char(math.floor(bits / 2 ^ (8 * i)) % 256)
	end
	msg = msg .. table.concat(tail)
	local w = {}
	for chunk = 1, #msg, 64 do
		for i = 0, 15 do
			local a, b, c, d = msg:byte(chunk + 4 * i, chunk + 4 * i + 3)
			w[i] = bor(a * 0x1000000, b * 0x10000, c * 0x100, d)
		end
		for i = 16, 63 do
			local s0 = bxor(rrotate(w[i - 15], 7), rrotate(w[i - 15], 18),
					rshift(w[i - 15], 3))
			local s1 = bxor(rrotate(w[i - 2], 17), rrotate(w[i - 2], 19),
					rshift(w[i - 2], 10))
			w[i] = band(w[i - 16] + s0 + w[i - 7] + s1, 0xffffffff)
		end
		local a, b, c, d, e, f, g, hh = h[1], h[2], h[3], h[4], h[5], h[6],
						 h[7], h[8]
		for i = 0, 63 do
			local S1 = bxor(rrotate(e, 6), rrotate(e, 11), rrotate(e, 25))
			local ch = bxor(band(e, f), band(bnot(e), g))
			local t1 = hh + S1 + ch + K[i + 1] + w[i]
			local S0 = bxor(rrotate(a, 2), rrotate(a, 13), rrotate(a, 22))
			local maj = bxor(band(a, b), band(a, c), band(b, c))
			local t2 = S0 + maj
			hh, g, f, e = g, f, e, band(d + t1, 0xffffffff)
			d, c, b, a = c, b, a, band(t1 + t2, 0xffffffff)
		end
		h[1] = band(h[1] + a, 0xffffffff)
		h[2] = band(h[2] + b, 0xffffffff)
		h[3] = band(h[3] + c, 0xffffffff)
		h[4] = band(h[4] + d, 0xffffffff)
		h[5] = band(h[5] + e, 0xffffffff)
		h[6] = band(h[6] + f, 0xffffffff)
		h[7] = band(h[7] + g, 0xffffffff)
		h[8] = band(h[8] + hh, 0xffffffff)
	end
	local out = {}
	for i = 1, 8 do
		out[i] = string.char(rshift(h[i], 24) % 256, rshift(h[i], 16) % 256,
				     rshift(h[i], 8) % 256, h[i] % 256)
	end
	return table.concat(out)
end

local function hmac_sha256(key, msg)
	if #key > 64 then
		key = sha256(key)
	end
	key = key .. string.rep("\0", 64 - #key)
	local ipad, opad = {}, {}
	for i = 1, 64 do
		local k = key:byte(i)
		ipad[i] = string.char(bxor(k, 0x36))
		opad[i] = string.char(bxor(k, 0x5c))
	end
	return sha256(table.concat(opad) ..
		      sha256(table.concat(ipad) .. msg))
end

-- A key preference: hex (the form etrunkctl takes) or, for RBS, text.
local function key_bytes(s, hex)
	if not s or s == "" then
		return nil
	end
	if not hex then
		return s
	end
	if #s % 2 == 1 or s:find("[^%x]") then
		return nil
	end
	return (s:gsub("%x%x", function(x)
		return string.char(tonumber(x, 16))
	end))
end

-- Verify the HMAC at [off, off+32) over [0, off) of tvb; returns true,
-- false, or nil without a usable key.
local function hmac_ok(key, tvb, off, prefix)
	if not key then
		return nil
	end
	local data = tvb:raw(0, off)
	return hmac_sha256(key, (prefix or "") .. data) == tvb:raw(off, HMAC_LEN)
end

local function add_hmac(tree, f_hmac, f_ok, ex_note, ex_bad, tvb, off, ok)
	local item = tree:add(f_hmac, tvb(off, HMAC_LEN))
	if ok == nil then
		item:add_proto_expert_info(ex_note)
	else
		tree:add(f_ok, ok):set_generated()
		if not ok then
			item:add_proto_expert_info(ex_bad)
		end
	end
end

-- ---- E-Trunk hello ----------------------------------------------------

local hello = Proto("etrunk.hello", "E-Trunk hello")

local modes = { [0] = "auto", [1] = "force-master", [2] = "force-backup" }
local bases = { [0] = "priority", [1] = "links", [2] = "bandwidth" }
local states = { [0] = "down", [1] = "up", [2] = "admin-down" }
local roles = { [0] = "none", [1] = "master", [2] = "backup" }

local hf = {
	magic = ProtoField.uint32("etrunk.hello.magic", "Magic", base.HEX),
	version = ProtoField.uint8("etrunk.hello.version", "Version"),
	type = ProtoField.uint8("etrunk.hello.type", "Type", base.DEC,
				{ [1] = "hello" }),
	flags = ProtoField.uint16("etrunk.hello.flags", "Flags", base.HEX),
	flag_hmac = ProtoField.bool("etrunk.hello.flags.hmac", "HMAC present",
				    16, nil, 0x0001),
	flag_rsvd = ProtoField.uint16("etrunk.hello.flags.reserved", "Reserved",
				      base.HEX, nil, 0xfffe),
	length = ProtoField.uint16("etrunk.hello.length", "Length"),
	group = ProtoField.uint8("etrunk.hello.group", "Group"),
	priority = ProtoField.uint8("etrunk.hello.priority", "Priority"),
	system = ProtoField.ether("etrunk.hello.system", "System ID"),
	hold = ProtoField.uint8("etrunk.hello.hold_multiplier", "Hold multiplier"),
	count = ProtoField.uint8("etrunk.hello.records", "Member-trunk records"),
	interval = ProtoField.uint32("etrunk.hello.interval", "Hello interval (ms)"),
	epoch = ProtoField.uint64("etrunk.hello.epoch", "Epoch"),
	seq = ProtoField.uint64("etrunk.hello.seq", "Sequence number"),
	record = ProtoField.bytes("etrunk.hello.record", "Member trunk"),
	trunk = ProtoField.uint32("etrunk.hello.trunk_id", "Trunk id"),
	peer_trunk = ProtoField.uint32("etrunk.hello.peer_trunk_id", "Peer trunk id"),
	mode = ProtoField.uint8("etrunk.hello.mode", "Working mode", base.DEC, modes),
	basis = ProtoField.uint8("etrunk.hello.basis", "Election basis", base.DEC, bases),
	state = ProtoField.uint8("etrunk.hello.state", "State", base.DEC, states),
	role = ProtoField.uint8("etrunk.hello.role", "Role", base.DEC, roles),
	links = ProtoField.uint16("etrunk.hello.links", "Available links"),
	rsvd = ProtoField.uint16("etrunk.hello.reserved", "Reserved", base.HEX),
	bandwidth = ProtoField.uint64("etrunk.hello.bandwidth", "Available bandwidth (Mb/s)"),
	hmac = ProtoField.bytes("etrunk.hello.hmac", "HMAC-SHA256"),
	hmac_ok = ProtoField.bool("etrunk.hello.hmac.good", "HMAC good"),
}
hello.fields = hf

local ex = {
	length = ProtoExpert.new("etrunk.hello.length.bad", "Length disagrees with the packet",
				 expert.group.MALFORMED, expert.severity.ERROR),
	reserved = ProtoExpert.new("etrunk.hello.reserved.set", "Reserved bits set",
				   expert.group.PROTOCOL, expert.severity.WARN),
	version = ProtoExpert.new("etrunk.hello.version.unknown", "Unknown version",
				  expert.group.PROTOCOL, expert.severity.WARN),
	type = ProtoExpert.new("etrunk.hello.type.unknown", "Unknown type",
			       expert.group.PROTOCOL, expert.severity.WARN),
	hmac = ProtoExpert.new("etrunk.hello.hmac.present", "HMAC present (not verified: no key set)",
			       expert.group.SECURITY, expert.severity.NOTE),
	hmac_bad = ProtoExpert.new("etrunk.hello.hmac.bad", "HMAC does not verify with the configured key",
				   expert.group.SECURITY, expert.severity.WARN),
	short = ProtoExpert.new("etrunk.hello.short", "Shorter than the header",
				expert.group.MALFORMED, expert.severity.ERROR),
}
hello.experts = { ex.length, ex.reserved, ex.version, ex.type, ex.hmac,
		  ex.hmac_bad, ex.short }

hello.prefs.port = Pref.uint("UDP port", 61000, "The E-Trunk hello port")
hello.prefs.key = Pref.string("Key (hex)", "", "The group's key, as etrunkctl takes it")

function hello.dissector(tvb, pinfo, tree)
	local len = tvb:len()
	if len < 4 or tvb(0, 4):uint() ~= 0x45544b50 then
		return 0
	end
	pinfo.cols.protocol = "E-Trunk"
	local t = tree:add(hello, tvb(), "E-Trunk hello")
	if len < 40 then
		t:add_proto_expert_info(ex.short)
		return len
	end
	t:add(hf.magic, tvb(0, 4))
	local v = t:add(hf.version, tvb(4, 1))
	if tvb(4, 1):uint() ~= 1 then
		v:add_proto_expert_info(ex.version)
	end
	local ty = t:add(hf.type, tvb(5, 1))
	if tvb(5, 1):uint() ~= 1 then
		ty:add_proto_expert_info(ex.type)
	end
	local flags = tvb(6, 2):uint()
	local ft = t:add(hf.flags, tvb(6, 2))
	ft:add(hf.flag_hmac, tvb(6, 2))
	local fr = ft:add(hf.flag_rsvd, tvb(6, 2))
	if band(flags, 0xfffe) ~= 0 then
		fr:add_proto_expert_info(ex.reserved)
	end
	local n = tvb(19, 1):uint()
	local has_hmac = band(flags, 1) == 1
	local want = 40 + 24 * n + (has_hmac and HMAC_LEN or 0)
	local lt = t:add(hf.length, tvb(8, 2))
	if tvb(8, 2):uint() ~= len or want ~= len then
		lt:add_proto_expert_info(ex.length)
	end
	t:add(hf.group, tvb(10, 1))
	t:add(hf.priority, tvb(11, 1))
	t:add(hf.system, tvb(12, 6))
	t:add(hf.hold, tvb(18, 1))
	t:add(hf.count, tvb(19, 1))
	t:add(hf.interval, tvb(20, 4))
	t:add(hf.epoch, tvb(24, 8))
	t:add(hf.seq, tvb(32, 8))
	pinfo.cols.info = string.format("Hello group %d, priority %d, seq %s, %d trunk%s",
		tvb(10, 1):uint(), tvb(11, 1):uint(), tostring(tvb(32, 8):uint64()),
		n, n == 1 and "" or "s")
	for i = 0, n - 1 do
		local off = 40 + 24 * i
		if off + 24 > len then
			break
		end
		local r = t:add(hf.record, tvb(off, 24))
		r:set_text(string.format("Member trunk %d: %s, %s, %d link%s",
			tvb(off, 4):uint(), states[tvb(off + 10, 1):uint()] or "?",
			roles[tvb(off + 11, 1):uint()] or "?", tvb(off + 12, 2):uint(),
			tvb(off + 12, 2):uint() == 1 and "" or "s"))
		r:add(hf.trunk, tvb(off, 4))
		r:add(hf.peer_trunk, tvb(off + 4, 4))
		r:add(hf.mode, tvb(off + 8, 1))
		r:add(hf.basis, tvb(off + 9, 1))
		r:add(hf.state, tvb(off + 10, 1))
		r:add(hf.role, tvb(off + 11, 1))
		r:add(hf.links, tvb(off + 12, 2))
		local rs = r:add(hf.rsvd, tvb(off + 14, 2))
		if tvb(off + 14, 2):uint() ~= 0 then
			rs:add_proto_expert_info(ex.reserved)
		end
		r:add(hf.bandwidth, tvb(off + 16, 8))
	end
	if has_hmac and want == len then
		local off = len - HMAC_LEN
		add_hmac(t, hf.hmac, hf.hmac_ok, ex.hmac, ex.hmac_bad, tvb, off,
			 hmac_ok(key_bytes(hello.prefs.key, true), tvb, off))
	end
	return len
end

-- ---- flush frames -----------------------------------------------------

local flush = Proto("etrunk.flush", "etrunk flush frame")

local ff = {
	magic = ProtoField.uint32("etrunk.flush.magic", "Magic", base.HEX),
	version = ProtoField.uint8("etrunk.flush.version", "Version"),
	type = ProtoField.uint8("etrunk.flush.type", "Type", base.DEC,
				{ [1] = "flush" }),
	flags = ProtoField.uint16("etrunk.flush.flags", "Flags", base.HEX),
	flag_hmac = ProtoField.bool("etrunk.flush.flags.hmac", "HMAC present",
				    16, nil, 0x0001),
	flag_rsvd = ProtoField.uint16("etrunk.flush.flags.reserved", "Reserved",
				      base.HEX, nil, 0xfffe),
	length = ProtoField.uint16("etrunk.flush.length", "Length"),
	system = ProtoField.ether("etrunk.flush.system", "System"),
	trunk = ProtoField.uint32("etrunk.flush.trunk_id", "Trunk id"),
	rsvd = ProtoField.uint16("etrunk.flush.reserved", "Reserved", base.HEX),
	n_vlans = ProtoField.uint16("etrunk.flush.vlans", "VLANs (0: all)"),
	seq = ProtoField.uint64("etrunk.flush.seq", "Sequence number"),
	vid = ProtoField.uint16("etrunk.flush.vid", "VLAN"),
	hmac = ProtoField.bytes("etrunk.flush.hmac", "HMAC-SHA256"),
	hmac_ok = ProtoField.bool("etrunk.flush.hmac.good", "HMAC good"),
}
flush.fields = ff

local fx = {
	length = ProtoExpert.new("etrunk.flush.length.bad", "Length disagrees with the frame",
				 expert.group.MALFORMED, expert.severity.ERROR),
	reserved = ProtoExpert.new("etrunk.flush.reserved.set", "Reserved bits set",
				   expert.group.PROTOCOL, expert.severity.WARN),
	version = ProtoExpert.new("etrunk.flush.version.unknown", "Unknown version",
				  expert.group.PROTOCOL, expert.severity.WARN),
	type = ProtoExpert.new("etrunk.flush.type.unknown", "Unknown type",
			       expert.group.PROTOCOL, expert.severity.WARN),
	vid = ProtoExpert.new("etrunk.flush.vid.bad", "VLAN id out of 1 to 4094",
			      expert.group.MALFORMED, expert.severity.ERROR),
	hmac = ProtoExpert.new("etrunk.flush.hmac.present", "HMAC present (not verified: no key set)",
			       expert.group.SECURITY, expert.severity.NOTE),
	hmac_bad = ProtoExpert.new("etrunk.flush.hmac.bad", "HMAC does not verify with the configured key",
				   expert.group.SECURITY, expert.severity.WARN),
	magic = ProtoExpert.new("etrunk.flush.magic.bad", "Bad magic",
				expert.group.MALFORMED, expert.severity.ERROR),
	short = ProtoExpert.new("etrunk.flush.short", "Shorter than the header",
				expert.group.MALFORMED, expert.severity.ERROR),
}
flush.experts = { fx.length, fx.reserved, fx.version, fx.type, fx.vid,
		  fx.hmac, fx.hmac_bad, fx.magic, fx.short }

flush.prefs.key = Pref.string("Key (hex)", "", "The flush key, as ip link and etrunkctl take it")

function flush.dissector(tvb, pinfo, tree)
	local len = tvb:len()
	pinfo.cols.protocol = "etrunk flush"
	local t = tree:add(flush, tvb(), "etrunk flush frame")
	if len < 32 then
		t:add_proto_expert_info(fx.short)
		return len
	end
	local m = t:add(ff.magic, tvb(0, 4))
	if tvb(0, 4):uint() ~= 0x4554524b then
		m:add_proto_expert_info(fx.magic)
	end
	local v = t:add(ff.version, tvb(4, 1))
	if tvb(4, 1):uint() ~= 1 then
		v:add_proto_expert_info(fx.version)
	end
	local ty = t:add(ff.type, tvb(5, 1))
	if tvb(5, 1):uint() ~= 1 then
		ty:add_proto_expert_info(fx.type)
	end
	local flags = tvb(6, 2):uint()
	local ft = t:add(ff.flags, tvb(6, 2))
	ft:add(ff.flag_hmac, tvb(6, 2))
	local fr = ft:add(ff.flag_rsvd, tvb(6, 2))
	if band(flags, 0xfffe) ~= 0 then
		fr:add_proto_expert_info(fx.reserved)
	end
	local n = tvb(22, 2):uint()
	local has_hmac = band(flags, 1) == 1
	local pdu = tvb(8, 2):uint()
	local want = 32 + 2 * n + (has_hmac and HMAC_LEN or 0)
	local lt = t:add(ff.length, tvb(8, 2))
	-- The frame may carry Ethernet padding after the PDU.
	if pdu ~= want or pdu > len then
		lt:add_proto_expert_info(fx.length)
	end
	t:add(ff.system, tvb(10, 6))
	t:add(ff.trunk, tvb(16, 4))
	local rs = t:add(ff.rsvd, tvb(20, 2))
	if tvb(20, 2):uint() ~= 0 then
		rs:add_proto_expert_info(fx.reserved)
	end
	t:add(ff.n_vlans, tvb(22, 2))
	t:add(ff.seq, tvb(24, 8))
	pinfo.cols.info = string.format("Flush from %s trunk %d, seq %s, %s",
		tostring(tvb(10, 6):ether()), tvb(16, 4):uint(),
		tostring(tvb(24, 8):uint64()),
		n == 0 and "all VLANs" or (n .. " VLAN" .. (n == 1 and "" or "s")))
	for i = 0, n - 1 do
		local off = 32 + 2 * i
		if off + 2 > len then
			break
		end
		local vid = tvb(off, 2):uint()
		local vi = t:add(ff.vid, tvb(off, 2))
		if vid < 1 or vid > 4094 then
			vi:add_proto_expert_info(fx.vid)
		end
	end
	if has_hmac and pdu == want and pdu <= len then
		local off = pdu - HMAC_LEN
		add_hmac(t, ff.hmac, ff.hmac_ok, fx.hmac, fx.hmac_bad, tvb, off,
			 hmac_ok(key_bytes(flush.prefs.key, true), tvb, off))
	end
	return len
end

-- ---- remote backup (RBS) ----------------------------------------------

local rbs = Proto("etrunk.rbs", "etrunk remote backup")

local types = { [1] = "hello", [2] = "bulk-start", [3] = "entries",
		[4] = "bulk-end", [5] = "delete", [6] = "keepalive" }
local kinds = { [0] = "ARP", [1] = "ND", [2] = "IGMP", [3] = "MLD" }
local relations = { [0] = "trunk", [1] = "VLAN", [2] = "bridge" }

local rf = {
	magic = ProtoField.uint32("etrunk.rbs.magic", "Magic", base.HEX),
	version = ProtoField.uint8("etrunk.rbs.version", "Version"),
	type = ProtoField.uint8("etrunk.rbs.type", "Type", base.DEC, types),
	flags = ProtoField.uint8("etrunk.rbs.flags", "Flags", base.HEX),
	flag_hmac = ProtoField.bool("etrunk.rbs.flags.hmac", "HMAC present", 8,
				    nil, 0x01),
	flag_rsvd = ProtoField.uint8("etrunk.rbs.flags.reserved", "Reserved",
				     base.HEX, nil, 0xfe),
	rsvd = ProtoField.bytes("etrunk.rbs.reserved", "Reserved"),
	length = ProtoField.uint32("etrunk.rbs.length", "Length"),
	seq = ProtoField.uint64("etrunk.rbs.seq", "Sequence number"),
	backup_id = ProtoField.uint32("etrunk.rbs.backup_id", "Backup id"),
	min_version = ProtoField.uint16("etrunk.rbs.hello.min_version", "Lowest version"),
	keepalive = ProtoField.uint16("etrunk.rbs.hello.keepalive", "Keepalive interval (ms)"),
	nonce = ProtoField.bytes("etrunk.rbs.hello.nonce", "Nonce"),
	bulk_count = ProtoField.uint32("etrunk.rbs.bulk_end.count", "Entries in the bulk"),
	count = ProtoField.uint32("etrunk.rbs.entries", "Entries"),
	entry = ProtoField.bytes("etrunk.rbs.entry", "Entry"),
	kind = ProtoField.uint8("etrunk.rbs.entry.kind", "Kind", base.DEC, kinds),
	relation = ProtoField.uint8("etrunk.rbs.entry.relation", "Relation", base.DEC, relations),
	vid = ProtoField.uint16("etrunk.rbs.entry.vid", "VLAN"),
	eflags = ProtoField.uint8("etrunk.rbs.entry.flags", "Flags", base.HEX),
	router = ProtoField.bool("etrunk.rbs.entry.router", "IPv6 router", 8, nil, 0x01),
	addr4 = ProtoField.ipv4("etrunk.rbs.entry.ip", "Address"),
	addr6 = ProtoField.ipv6("etrunk.rbs.entry.ipv6", "Address"),
	lladdr = ProtoField.ether("etrunk.rbs.entry.lladdr", "Link-layer address"),
	hmac = ProtoField.bytes("etrunk.rbs.hmac", "HMAC-SHA256"),
	hmac_ok = ProtoField.bool("etrunk.rbs.hmac.good", "HMAC good"),
}
rbs.fields = rf

local rx = {
	length = ProtoExpert.new("etrunk.rbs.length.bad", "Length out of range or not matching the type",
				 expert.group.MALFORMED, expert.severity.ERROR),
	reserved = ProtoExpert.new("etrunk.rbs.reserved.set", "Reserved bits set",
				   expert.group.PROTOCOL, expert.severity.WARN),
	version = ProtoExpert.new("etrunk.rbs.version.unknown", "Unknown version",
				  expert.group.PROTOCOL, expert.severity.WARN),
	type = ProtoExpert.new("etrunk.rbs.type.unknown", "Unknown type",
			       expert.group.PROTOCOL, expert.severity.WARN),
	hmac = ProtoExpert.new("etrunk.rbs.hmac.present", "HMAC present (not verified: no key set, or the receiver's hello not captured)",
			       expert.group.SECURITY, expert.severity.NOTE),
	hmac_bad = ProtoExpert.new("etrunk.rbs.hmac.bad", "HMAC does not verify with the configured key",
				   expert.group.SECURITY, expert.severity.WARN),
	magic = ProtoExpert.new("etrunk.rbs.magic.bad", "Bad magic",
				expert.group.MALFORMED, expert.severity.ERROR),
}
rbs.experts = { rx.length, rx.reserved, rx.version, rx.type, rx.hmac,
		rx.hmac_bad, rx.magic }

rbs.prefs.port = Pref.uint("TCP port", 6787, "The remote backup service's port")
rbs.prefs.key = Pref.string("Key", "", "The service's key, as etrunkctl rbs takes it (text)")

-- The hello nonce each end sent, by connection and sender: a message is
-- signed over its receiver's.
local f_stream = Field.new("tcp.stream")
local rbs_nonces = {}

local function rbs_end(pinfo, src)
	local stream = f_stream()
	local id = stream and tostring(stream.value) or "?"
	if src then
		return id .. " " .. tostring(pinfo.src) .. " " .. pinfo.src_port
	end
	return id .. " " .. tostring(pinfo.dst) .. " " .. pinfo.dst_port
end

local function rbs_pdu_len(tvb, pinfo, off)
	return tvb(off + 8, 4):uint()
end

local function rbs_entry(t, tvb, off)
	local kind = tvb(off, 1):uint()
	local e = t:add(rf.entry, tvb(off, 32))
	local v4 = tvb(off + 8, 12):bytes():tohex() == "00000000000000000000FFFF"
	local addr = v4 and tostring(tvb(off + 20, 4):ipv4()) or tostring(tvb(off + 8, 16):ipv6())
	e:set_text(string.format("%s %s vlan %d", kinds[kind] or "?", addr,
				 tvb(off + 2, 2):uint()))
	e:add(rf.kind, tvb(off, 1))
	e:add(rf.relation, tvb(off + 1, 1))
	e:add(rf.vid, tvb(off + 2, 2))
	local fl = e:add(rf.eflags, tvb(off + 4, 1))
	fl:add(rf.router, tvb(off + 4, 1))
	if band(tvb(off + 4, 1):uint(), 0xfe) ~= 0 or tvb(off + 5, 3):uint() ~= 0 or
	   tvb(off + 30, 2):uint() ~= 0 then
		fl:add_proto_expert_info(rx.reserved)
	end
	if v4 then
		e:add(rf.addr4, tvb(off + 20, 4))
	else
		e:add(rf.addr6, tvb(off + 8, 16))
	end
	if kind <= 1 then
		e:add(rf.lladdr, tvb(off + 24, 6))
	end
end

local function rbs_pdu(tvb, pinfo, tree)
	local len = tvb:len()
	local t = tree:add(rbs, tvb(), "etrunk remote backup")
	local m = t:add(rf.magic, tvb(0, 4))
	if tvb(0, 4):uint() ~= 0x45524253 then
		m:add_proto_expert_info(rx.magic)
	end
	local v = t:add(rf.version, tvb(4, 1))
	if tvb(4, 1):uint() ~= 1 then
		v:add_proto_expert_info(rx.version)
	end
	local ty = tvb(5, 1):uint()
	local tyi = t:add(rf.type, tvb(5, 1))
	if not types[ty] then
		tyi:add_proto_expert_info(rx.type)
	end
	local flags = tvb(6, 1):uint()
	local ft = t:add(rf.flags, tvb(6, 1))
	ft:add(rf.flag_hmac, tvb(6, 1))
	local fr = ft:add(rf.flag_rsvd, tvb(6, 1))
	if band(flags, 0xfe) ~= 0 then
		fr:add_proto_expert_info(rx.reserved)
	end
	local rs = t:add(rf.rsvd, tvb(7, 1))
	if tvb(7, 1):uint() ~= 0 then
		rs:add_proto_expert_info(rx.reserved)
	end
	local lt = t:add(rf.length, tvb(8, 4))
	t:add(rf.seq, tvb(12, 8))
	t:add(rf.backup_id, tvb(20, 4))
	local body = len - 24 - (band(flags, 1) == 1 and HMAC_LEN or 0)
	local info = types[ty] or ("type " .. ty)
	local bad = body < 0
	if not bad and ty == 1 then
		bad = body ~= 32
		if not bad then
			t:add(rf.min_version, tvb(24, 2))
			t:add(rf.keepalive, tvb(26, 2))
			t:add(rf.nonce, tvb(32, 16))
		end
	elseif not bad and (ty == 2 or ty == 6) then
		bad = body ~= 0
	elseif not bad and ty == 4 then
		bad = body ~= 4
		if not bad then
			t:add(rf.bulk_count, tvb(24, 4))
			info = info .. " (" .. tvb(24, 4):uint() .. " entries)"
		end
	elseif not bad and (ty == 3 or ty == 5) then
		local n = body >= 4 and tvb(24, 4):uint() or -1
		bad = n < 0 or n > 1000 or body ~= 4 + 32 * n
		if not bad then
			t:add(rf.count, tvb(24, 4))
			for i = 0, n - 1 do
				rbs_entry(t, tvb, 28 + 32 * i)
			end
			info = string.format("%s backup %d: %d", info,
					     tvb(20, 4):uint(), n)
		end
	end
	if bad or len < 24 or len > 32060 then
		lt:add_proto_expert_info(rx.length)
	end
	if ty == 1 and not bad then
		rbs_nonces[rbs_end(pinfo, true)] = tvb:raw(32, 16)
	end
	if band(flags, 1) == 1 and len >= 24 + HMAC_LEN then
		local nonce = ty == 1 and string.rep("\0", 16) or
			      rbs_nonces[rbs_end(pinfo, false)]
		-- The sender's role: the listening side sends from the port.
		local role = pinfo.src_port == rbs.prefs.port and "L" or "C"
		local ok = nil
		if nonce then
			ok = hmac_ok(key_bytes(rbs.prefs.key, false), tvb,
				     len - HMAC_LEN, role .. nonce)
		end
		add_hmac(t, rf.hmac, rf.hmac_ok, rx.hmac, rx.hmac_bad, tvb,
			 len - HMAC_LEN, ok)
	end
	local col = tostring(pinfo.cols.info)
	if pinfo.cols.protocol ~= nil and col:find("^RBS ") then
		pinfo.cols.info:append(", " .. info)
	else
		pinfo.cols.info = "RBS " .. info
	end
	return len
end

function rbs.dissector(tvb, pinfo, tree)
	if tvb:len() >= 4 and tvb(0, 4):uint() ~= 0x45524253 then
		return 0
	end
	pinfo.cols.protocol = "etrunk RBS"
	dissect_tcp_pdus(tvb, tree, 12, rbs_pdu_len, rbs_pdu, true)
	return tvb:len()
end

-- ---- registration -----------------------------------------------------

DissectorTable.get("ethertype"):add(0x88b5, flush)

local hello_port, rbs_port = hello.prefs.port, rbs.prefs.port
DissectorTable.get("udp.port"):add(hello_port, hello)
DissectorTable.get("tcp.port"):add(rbs_port, rbs)

function hello.prefs_changed()
	if hello.prefs.port ~= hello_port then
		DissectorTable.get("udp.port"):remove(hello_port, hello)
		hello_port = hello.prefs.port
		DissectorTable.get("udp.port"):add(hello_port, hello)
	end
end

function rbs.prefs_changed()
	if rbs.prefs.port ~= rbs_port then
		DissectorTable.get("tcp.port"):remove(rbs_port, rbs)
		rbs_port = rbs.prefs.port
		DissectorTable.get("tcp.port"):add(rbs_port, rbs)
	end
end
