// Tests of CheckAlgorithm: published vectors, a python-stdnum cross-check table, and seeded property tests.

import Testing
@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRouterTestSupport

fileprivate extension CheckAlgorithm {
    /// A per-algorithm seed offset, so the algorithms do not all see the same payloads.
    var seedOffset: UInt64 { UInt64(CheckAlgorithm.allCases.firstIndex(of: self)!) * 1_000 }

    /// Verifies through the allocation-free byte-buffer overload.
    func verifyBytes(_ payload: [UInt8], _ check: [UInt8]) -> Bool {
        payload.withUnsafeBufferPointer { p in check.withUnsafeBufferPointer { c in verify(payload: p, check: c) } }
    }

    /// A random payload of `length` characters from the payload alphabet.
    func randomPayload(length: Int, using rng: inout SeededGenerator) -> [UInt8] {
        (0..<length).map { _ in payloadAlphabet.randomElement(using: &rng)! }
    }
}

@Suite("Check algorithms")
struct CheckAlgorithmTests {
    /// One payload with its expected check string.
    struct Vector: Sendable, CustomTestStringConvertible {
        let algorithm: CheckAlgorithm
        let payload: String
        let check: String
        var testDescription: String { "\(algorithm.rawValue) \(payload.isEmpty ? "<empty>" : payload) → \(check)" }
    }

    static let published: [Vector] = [
        .init(algorithm: .gs1Mod10, payload: "2401234567890", check: "5"),
        .init(algorithm: .gs1Mod10, payload: "0952123454321", check: "3"),
        .init(algorithm: .luhn, payload: "7992739871", check: "3"),
        .init(algorithm: .iso7064Mod11_2, payload: "0794", check: "0"),
        .init(algorithm: .iso7064Mod11_2, payload: "079", check: "X"),
        .init(algorithm: .iso7064Mod11_10, payload: "0794", check: "5"),
        .init(algorithm: .iso7064Mod37_2, payload: "G123489654321", check: "Y"),
        .init(algorithm: .iso7064Mod37_36, payload: "A12425GABC1234002", check: "M"),
        .init(algorithm: .iso7064Mod97_10, payload: "794", check: "44"),
        .init(algorithm: .iso7064Mod1271_36, payload: "ISO79", check: "3W"),
        .init(algorithm: .verhoeff, payload: "1234", check: "0"),
        .init(algorithm: .verhoeff, payload: "236", check: "3"),
        .init(algorithm: .damm, payload: "572", check: "4"),
        // Not from the standard's text (not at hand): vectors from the test suites of the CheckDigits.Net
        // ("ISOHJ", "QWERTYDVORAK") and go-iso7064 ("SOMETHING", "JEJLMGJ") libraries, reproduced here by the
        // independent Python reference of the table below.
        .init(algorithm: .iso7064Mod661_26, payload: "ISOHJ", check: "TC"),
        .init(algorithm: .iso7064Mod661_26, payload: "SOMETHING", check: "IF"),
        .init(algorithm: .iso7064Mod27_26, payload: "JEJLMGJ", check: "S"),
        .init(algorithm: .iso7064Mod27_26, payload: "QWERTYDVORAK", check: "Y"),
    ]

    @Test("Published vectors", arguments: published)
    func publishedVector(_ vector: Vector) {
        #expect(vector.algorithm.compute(payload: vector.payload) == vector.check)
        #expect(vector.algorithm.verify(payload: vector.payload, check: vector.check))
    }

    @Test("Check lengths and alphabets")
    func alphabets() {
        let twoCharacter: Set<CheckAlgorithm> = [.iso7064Mod97_10, .iso7064Mod1271_36, .iso7064Mod661_26]
        for algorithm in CheckAlgorithm.allCases {
            #expect(algorithm.checkLength == (twoCharacter.contains(algorithm) ? 2 : 1), "\(algorithm)")
            #expect(algorithm.payloadAlphabet == algorithm.payloadAlphabet.sorted(), "\(algorithm)")
        }
        #expect(CheckAlgorithm.damm.payloadAlphabet == Array("0123456789".utf8))
        #expect(CheckAlgorithm.iso7064Mod37_36.payloadAlphabet == Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8))
        #expect(CheckAlgorithm.iso7064Mod27_26.payloadAlphabet == Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8))
        #expect(CheckAlgorithm.iso7064Mod11_2.checkAlphabet == Array("0123456789X".utf8))
        #expect(CheckAlgorithm.iso7064Mod37_2.checkAlphabet == Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*".utf8))
        #expect(CheckAlgorithm.iso7064Mod661_26.checkAlphabet == CheckAlgorithm.iso7064Mod661_26.payloadAlphabet)
        #expect(!CheckAlgorithm.iso7064Mod11_2.verify(payload: "079", check: "x"))
        #expect(!CheckAlgorithm.iso7064Mod11_2.verify(payload: "07X", check: "0"))
        #expect(!CheckAlgorithm.iso7064Mod37_2.verify(payload: "G12*", check: "0"))
    }

    @Test("Empty payload", arguments: CheckAlgorithm.allCases)
    func emptyPayload(_ algorithm: CheckAlgorithm) {
        let expected: [CheckAlgorithm: String] = [
            .gs1Mod10: "0", .luhn: "0", .iso7064Mod11_2: "1", .iso7064Mod11_10: "1", .iso7064Mod37_2: "1",
            .iso7064Mod37_36: "1", .iso7064Mod97_10: "01", .iso7064Mod1271_36: "01", .iso7064Mod661_26: "AB",
            .iso7064Mod27_26: "B", .verhoeff: "0", .damm: "0",
        ]
        #expect(algorithm.compute(payload: "") == expected[algorithm])
        #expect(algorithm.verify(payload: "", check: expected[algorithm]!))
    }

    @Test("Cross-check against python-stdnum / ISO 7064 reference", arguments: CheckAlgorithm.allCases)
    func referenceTable(_ algorithm: CheckAlgorithm) throws {
        let entries = try #require(Self.reference[algorithm]).split(whereSeparator: { $0 == " " || $0 == "\n" })
        #expect(entries.count == 64)
        for entry in entries {
            let parts = entry.split(separator: "=", omittingEmptySubsequences: false)
            let (payload, check) = (String(parts[0]), String(parts[1]))
            #expect(algorithm.compute(payload: payload) == check, "\(payload)")
            #expect(algorithm.verify(payload: payload, check: check), "\(payload)")
        }
    }

    @Test("compute then verify round-trips", arguments: CheckAlgorithm.allCases)
    func roundTrip(_ algorithm: CheckAlgorithm) throws {
        var rng = SeededGenerator(seed: 0x7064 &+ algorithm.seedOffset)
        for _ in 0..<3000 {
            let payload = algorithm.randomPayload(length: Int.random(in: 0...24, using: &rng), using: &rng)
            let check = try #require(algorithm.compute(payload: payload))
            #expect(check.count == algorithm.checkLength)
            #expect(check.allSatisfy(algorithm.checkAlphabet.contains))
            #expect(algorithm.verifyBytes(payload, check))
            let text = String(decoding: payload, as: UTF8.self)
            #expect(algorithm.compute(payload: text) == String(decoding: check, as: UTF8.self))
        }
    }

    @Test("Every single substitution is rejected", arguments: CheckAlgorithm.allCases)
    func singleSubstitutions(_ algorithm: CheckAlgorithm) throws {
        #expect(algorithm.detectsEverySingleSubstitution)
        var rng = SeededGenerator(seed: 0x5B57 &+ algorithm.seedOffset)
        var accepted: [[UInt8]] = []
        for _ in 0..<300 {
            let payload = algorithm.randomPayload(length: Int.random(in: 1...16, using: &rng), using: &rng)
            let check = try #require(algorithm.compute(payload: payload))
            for index in payload.indices {
                for byte in algorithm.payloadAlphabet where byte != payload[index] {
                    var altered = payload
                    altered[index] = byte
                    if algorithm.verifyBytes(altered, check) { accepted.append(altered + check) }
                }
            }
            for index in check.indices {
                for byte in algorithm.checkAlphabet where byte != check[index] {
                    var altered = check
                    altered[index] = byte
                    if algorithm.verifyBytes(payload, altered) { accepted.append(payload + altered) }
                }
            }
        }
        #expect(accepted.isEmpty, "accepted: \(accepted.prefix(5).map { String(decoding: $0, as: UTF8.self) })")
    }

    @Test("Wrong check length is rejected", arguments: CheckAlgorithm.allCases)
    func wrongCheckLength(_ algorithm: CheckAlgorithm) throws {
        var rng = SeededGenerator(seed: 0x1E46)
        for _ in 0..<200 {
            let payload = algorithm.randomPayload(length: Int.random(in: 0...12, using: &rng), using: &rng)
            let check = try #require(algorithm.compute(payload: payload))
            #expect(algorithm.verifyBytes(payload, check))
            #expect(!algorithm.verifyBytes(payload, []))
            #expect(!algorithm.verifyBytes(payload, check + [algorithm.checkAlphabet[0]]))
            #expect(!algorithm.verifyBytes(payload, [algorithm.checkAlphabet[0]] + check))
            #expect(!algorithm.verifyBytes(payload, Array(check.dropLast())))
        }
    }

    @Test("Bytes outside the alphabet are rejected", arguments: CheckAlgorithm.allCases)
    func bytesOutsideAlphabet(_ algorithm: CheckAlgorithm) throws {
        var rng = SeededGenerator(seed: 0xA1FA)
        let payload = algorithm.randomPayload(length: 8, using: &rng)
        let check = try #require(algorithm.compute(payload: payload))
        #expect(algorithm.verifyBytes(payload, check))
        for byte in UInt8.min...UInt8.max {
            if !algorithm.payloadAlphabet.contains(byte) {
                for index in [0, 3, 7] {
                    var altered = payload
                    altered[index] = byte
                    #expect(algorithm.compute(payload: altered) == nil, "payload byte \(byte)")
                    #expect(!algorithm.verifyBytes(altered, check), "payload byte \(byte)")
                }
                #expect(!algorithm.verifyBytes(payload + [byte], check), "payload byte \(byte)")
            }
            if !algorithm.checkAlphabet.contains(byte) {
                for index in check.indices {
                    var altered = check
                    altered[index] = byte
                    #expect(!algorithm.verifyBytes(payload, altered), "check byte \(byte)")
                }
            }
        }
    }

    @Test("Lower case is rejected, never folded", arguments: CheckAlgorithm.allCases.filter { $0.charset != .numeric })
    func lowerCaseRejected(_ algorithm: CheckAlgorithm) throws {
        var rng = SeededGenerator(seed: 0x10CA5E)
        var lowerCheckSeen = 0
        for _ in 0..<500 {
            var payload = algorithm.randomPayload(length: Int.random(in: 1...12, using: &rng), using: &rng)
            payload[0] = UInt8(ascii: "K")
            let check = try #require(algorithm.compute(payload: payload))
            let lowered = payload.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            #expect(algorithm.compute(payload: lowered) == nil)
            #expect(!algorithm.verifyBytes(lowered, check))
            let loweredCheck = check.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            if loweredCheck != check {
                lowerCheckSeen += 1
                #expect(!algorithm.verifyBytes(payload, loweredCheck))
            }
        }
        #expect(lowerCheckSeen > 0)
    }

    @Test("Two-character ISO 7064 checks: canonical value computed, congruent aliases verified")
    func twoCharacterAliases() {
        // python-stdnum (IBAN style, 98 − x) gives "97"/"98" where ISO 7064's (M + 1 − P) mod M gives "00"/"01".
        #expect(CheckAlgorithm.iso7064Mod97_10.compute(payload: "453") == "00")
        #expect(CheckAlgorithm.iso7064Mod97_10.verify(payload: "453", check: "97"))
        #expect(CheckAlgorithm.iso7064Mod97_10.compute(payload: "1395636") == "01")
        #expect(CheckAlgorithm.iso7064Mod97_10.verify(payload: "1395636", check: "98"))
        #expect(!CheckAlgorithm.iso7064Mod97_10.verify(payload: "1395636", check: "99"))
        #expect(!CheckAlgorithm.iso7064Mod97_10.verify(payload: "1395636", check: "97"))
        // The same holds for the other two-character systems: value + M, when it still fits in two characters.
        var rng = SeededGenerator(seed: 0xA11A5)
        for (algorithm, modulus) in [(CheckAlgorithm.iso7064Mod1271_36, 1271), (.iso7064Mod661_26, 661)] {
            let alphabet = algorithm.payloadAlphabet, radix = alphabet.count
            var found = 0
            while found < 20 {
                let payload = algorithm.randomPayload(length: Int.random(in: 0...10, using: &rng), using: &rng)
                guard let check = algorithm.compute(payload: payload) else { Issue.record("compute failed"); return }
                let alias = alphabet.firstIndex(of: check[0])! * radix + alphabet.firstIndex(of: check[1])! + modulus
                guard alias < radix * radix else { continue }
                found += 1
                #expect(algorithm.verifyBytes(payload, [alphabet[alias / radix], alphabet[alias % radix]]))
                #expect(!algorithm.verifyBytes(payload, [alphabet[(alias - 1) / radix], alphabet[(alias - 1) % radix]]))
            }
        }
    }
}

extension CheckAlgorithmTests {
    /// Generated with python-stdnum 2.2 (stdnum.ean, luhn, verhoeff, damm, iso7064.*) and, for MOD 1271-36,
    /// 661-26 and 27,26, a reference written from the ISO/IEC 7064 definitions; both were cross-checked against
    /// each other and the published vectors. Python `random.Random(7064)`, 64 payloads of 0–10 characters each,
    /// `payload=check` separated by blanks. MOD 97-10 values are ISO's (stdnum's IBAN-style 97/98 taken mod 97).
    static let reference: [CheckAlgorithm: String] = [
        .gs1Mod10: """
            052686=9 87061077=4 =0 235697486=8 43=7 87671246=5 2429=7 68=0 585201=7 6353=1 270=7 951507=9 55=0 540=1
            627146922=5 2979460=7 1547184919=5 27766003=7 =0 3=1 1021062908=3 =0 5422=5 30=7 6905=2 61061=2 8005706=2
            23481875=4 756967=8 2995=7 84837306=9 524399=0 802=0 0103287=1 001=7 077004=0 813838=5 201842198=3
            8247297=9 0439973552=9 997=3 1741402=9 2209199331=3 2361=0 064003=9 344162812=3 08462937=1 1880127275=5
            9=3 9604=1 762=7 8=6 843=3 740035=3 813331670=8 283221=0 8461=1 979=9 599713=8 4=8 3245=2 =0 =0
            7547298879=8
            """,
        .luhn: """
            =0 4304814=9 09796=4 703295505=1 51667346=4 001819299=7 81=0 168649=2 8772=6 9437671=2 74274=2 587=6
            0289944=1 097124=2 8545161=5 29910136=0 =0 23711977=1 1844963404=9 6514=4 4=2 0807258581=6 =0 908=4
            87015820=1 66=1 098086=2 186945=2 45448=8 00=0 864670=5 844356200=7 2809196=5 256992030=5 562=9 =0 =0
            0408367=1 =0 7849284836=7 137509=6 =0 808416=2 23860=0 429=1 7064985=0 07206130=2 31814=7 74501=8 4=2
            505476223=1 864=9 5729=9 314924577=5 1298406=8 1288=0 26362683=0 59=6 577778=4 001=8 =0 3423905095=7 65=3
            98370=0
            """,
        .iso7064Mod11_2: """
            970=0 349=9 287806=1 8422303159=4 707427=3 =1 218=9 04969=X 118756992=0 66=9 9=5 1=X 798=3 845054=1
            03667=X 380=0 0671=0 235204=3 2829466068=2 =1 24437=2 23560=1 =1 295=5 181122048=3 9174471=8 8773=3
            02468=7 840=9 61=8 15675=1 7=9 463568=8 167169=1 041333837=7 107901166=3 1=X 0=1 2699=X 038984=6 66479=9
            0=1 529494=2 =1 51183039=X 142063=0 940=1 378133224=7 7287788875=9 4089198=8 3285=5 82=9 =1 313882=3
            6125=0 9195=1 683192=2 2817514121=4 7458416144=0 8=7 384933184=X =1 285037=6 079550=2
            """,
        .iso7064Mod11_10: """
            1=9 2180=1 5682086090=8 =1 053193755=8 048=3 85=2 634=7 167012=4 2887950261=5 4742386=2 4073535327=6
            4227=4 =1 535=9 67665127=4 885=9 4916=3 0496=0 57918732=1 7978256633=2 50419334=1 72=1 56140839=3 =1
            6369369=7 48366=3 32575=0 0=2 1=9 285438=6 392510262=9 6=0 96=5 1478173384=0 4=3 9=4 336320104=4 7316290=7
            0850=1 1=9 0889059=0 5473=5 166864578=3 9325876821=2 164085384=9 =1 4239674=0 3=5 =1 5144=1 2091977=0
            078=4 7177805255=4 706427=2 746703547=5 369328=1 2=7 =1 4=3 536=7 5=1 0303094140=0 5792=0
            """,
        .iso7064Mod37_2: """
            QQ=U QDVD5RQ0=I YF=K 5IA68OWH=O 7=O HFPBLSJGJW=Z ZH1=L K1CEIVOXGF=8 9LR3=J V2KSFNDQ6E=P QKKENE7381=F C=E
            =1 VWD5=1 NVWNF=J 9J=1 TMSHMGKYK9=Y UO0S4YCYUE=Y =1 4LP3RK5=P 9=K 2Y04SDME=2 C713=2 CCPR9=O ZO=Z CK2=6
            003K=N A3A5D3TZST=I W9=3 07S=S YM7=Y 65KMTAYEO0=6 =1 PR2BM26AT=I =1 U=F 7XJB7ZV2=0 0MOT=4 LSRHCA1AFS=N =1
            OUT20CRXG=4 W=B AWF64K=S B=G DP=A XMLLYUQZ=8 KVIS=8 SUJ=Q 9I=3 U41X4V1IF=V =1 X=9 JLKN4B=D UJ8A=K QE8EJC=S
            9=K DCUSI=4 8=M 52WM=T U=F FWK7YB=* =1 G8K23O=R DGPR0HJ=8
            """,
        .iso7064Mod37_36: """
            L1=P QP9W=E 95J9=I 8710BCE6H=N QO85B8QW=V 320UYHD=K ONIL6I0VRC=S 6A=U 0PXBTFS203=M KBWS3DJ3=0 10K0=F L1=P
            DGU7=0 0NJ7A=3 UB=6 YIO3=C Y95=B 7PQKI=T MVSAN4=3 0CR=B 4JU7JGD=Q 3N96=G 8NP=C XUEDX4FEP=I X9V8CS7Z=N =1
            B=F 32B=K KG=0 1=Z CN=F =1 LF7=H HYG1=7 VJ9Z=D =1 O4J8=6 Z85=7 =1 8EUZB=T FPE03YLC=6 =1 AYA2=U
            IGATMDS8LY=C A=H WFT4PET=3 GW=I MJ=M D36M668=C 09XG6S3R=6 L04X40=6 I32=L 7DM=V F579EF=V 619Q=S =1
            TYGDNWZ34I=A =1 67I=0 8HLI=H 9N=R U=E K7J6U4OUO=G U443QDBN=6
            """,
        .iso7064Mod97_10: """
            81918943=44 0247172911=96 949=64 130=96 3968=28 =01 20880=23 =01 86066998=09 719192=93 091164867=04
            7237119579=41 2785676=08 27=17 1051=49 798105451=26 522=84 98807=12 6741978406=92 38=81 194358=91
            8371954=58 85949867=68 5144466983=71 =01 33297=20 =01 =01 239647=24 79599=18 476832964=73 9116474906=84
            17285=41 911=81 04910=15 096213440=59 =01 04762=71 002=92 542640355=60 62069822=77 =01 973908=14 578=13
            92=16 23=29 7002780174=86 4808=30 899780636=89 3988=65 76165829=79 24=26 0387967=03 44558=90 529878=03
            5842045=20 80=52 27643=07 412=26 3500021=91 357914=49 943449799=24 2=92 990148194=96
            """,
        .iso7064Mod1271_36: """
            LY=GB =01 2BPBDLM2VM=5I NL70KVYY=3Y PRW40QOO=BX 9W8J68PS=LZ LQFY97=Q3 736=B6 ANUFF1N4D=W9 V87FRS=69 YT=CJ
            0RCEYMGU=DY 5W=TC 3MJB=EA UX5WLYK=I1 AL0A=FY BQ7OB=U3 RU73E1G7HP=AZ OJ=MC 01=YN EI8LRD2Y3=71 PUEYA=F6
            PLA6E0BK18=WA 0DODXEHG=T8 Z5J=UX QBJLA7=6Q PND0L9F9=UJ KU=8S E1RK=5O DAEY1E=6H GF2L6=S2 WEPN2E8C=AG
            5Y3CT=3M HLMAZ=NN GY4SR0=A4 OIV4=93 Q=HA QPV5E5I=PW =01 1=YN 5S=W4 =01 LPBUWB4R=PT ST=LB EJWCNY=69
            6YBR5LIM=NA 97=HB A4E=YG A71DD=6W E95G801O=WV X3TT5KM8=Y1 RXJTIE4=GO 3OR3OHZ=UU 11K1=M2 0=01 7GK=TI
            FGF0QN=F6 GO1Y1J=EO I01=4L 0PT5B122DE=WD KG=II ZTWV=V3 11EJS=43 TWR4=OG
            """,
        .iso7064Mod661_26: """
            LKGGELAAK=VF SOJRP=TH QVHJLZLQG=UH PE=BO =AB CPUQJY=PH PDKOXHTCN=XM ZKQGZ=HP =AB NZHWSVH=KA =AB
            OWTGRQYR=LH DVCPWUS=TD FNZZVVV=IV QP=FQ OXIOF=WB KOYFJFZA=AY MAF=UL ODOJBNPLB=SF AQVKZUQOC=WP OVX=IG
            SHZA=OJ WMWWY=LP P=QV YIYLRGXG=PT IKJTPS=NR ZLFMND=XP JL=LG Z=LB XS=AP POGRXA=TI KQ=SU DXPLS=DE QY=AL
            XGZAWS=KA YG=RY OMUIKCMAV=RL BVE=EP WC=YV TLTA=WS HUFLA=BQ VCBKLLFJHT=ZK IJLNAXA=SL =AB TLFZD=CZ VG=MC
            WNLMJYBF=QK RG=VG OYHDPWPSE=RV FNADOVVI=XA MRBV=YB NGRKWUK=AI RVF=SC WBUXKZ=AN ZTDPXRPPV=FF ACWKZWG=AY
            PMNWZOD=FL AV=NJ UQJTGGGYZF=GR DGXCGKNZ=HG A=AB PJN=HK NI=DV LVWMZNXPB=ET
            """,
        .iso7064Mod27_26: """
            LROPDSQS=T =B BKYPI=O DLHOIVSRKL=N UCFE=O F=R TBRKBUVNX=Q ZQ=B C=X XHL=H T=Q EK=S =B XPWSBC=A FYBJBDWRG=N
            UDJ=A PXOBXO=F OFSVMRNTK=U NOS=Q GK=K B=Z =B MNLMZYXM=X TVPGFYVOZY=L LIH=Y YF=C MLFIZA=X QP=O =B TUKDUH=T
            ATZIJ=T SKMNYKDUCQ=T B=Z GOWFA=B ZIULUE=A KZPTFZMSK=F W=K OQIGTO=H TVR=V PTJNXOPRCA=Z DHJGOTY=O EDARPU=T
            =B OLLEBTHZ=M HAY=E RMXFCWU=C MOKKZGV=I CZNMWOD=H SSIWQLIKG=Z BKHNRJD=J KCEMIEST=Q MNNXKFG=W QR=K C=X JW=A
            N=B YUYH=J ZCVUGOUDE=X =B OWSUXZI=A HPHFTCEGL=K ILL=B W=K =B
            """,
        .verhoeff: """
            7=0 218694=2 737=8 826083736=3 2491789=1 86=3 0340=6 57856=9 =0 453=3 7296152=9 3975032842=9 00393278=2
            44=9 6342352=8 56408=2 195=3 2633102=9 73058619=8 86=3 916435561=4 191413615=7 651025=0 807=8 2815184=6 =0
            21=5 833322338=1 166487=0 =0 2810943=1 3982223645=6 74134=1 571504=0 124=6 73834=9 39032400=0 4=3
            3738260=0 5=8 =0 696073=4 04=7 079253111=8 9508600=8 7=0 286=2 61595822=4 704720=7 82=8 459=8 =0 32=9 =0
            33573=3 229919685=2 64047355=7 9227=4 274=1 53735=5 860234=6 36=4 60893=4 5729=7
            """,
        .damm: """
            8780=2 42=7 317439=2 624=9 6030=7 94688275=5 053082972=6 2437492=1 5838232986=7 32701=2 3=7 86=5
            44681218=1 18680090=5 865=0 3353=7 199645717=4 1956349129=4 5993=6 2195215=5 495=5 6004=8 9349238967=1
            21490=7 16=3 6815=8 46769=9 98354=0 322=2 71=8 9722955=2 22013=6 41040=4 812338=5 970474914=1 =0
            948261833=1 76162102=7 03532202=9 4298187698=7 2=1 8846860197=6 5=9 2943156=6 1808=7 887=0 83=3
            1235541869=3 2=1 =0 9007=1 =0 49125=5 41=6 138060=0 0068=0 43=4 89=8 401432886=3 8074265546=3 48098737=8
            03=7 13370=0 151=4
            """,
    ]
}
