import Foundation
import HTTPTypes

extension Five9SOAPClient {
    /// Reads an answer: a SOAP fault becomes a `Five9Fault` whatever the HTTP status (five9.md §1.7), a 401 or 403
    /// becomes `unauthorized`, anything that is not a SOAP envelope becomes `malformed` or `transient`.
    static func read<Item>(
        _ operation: String, head: HTTPResponse, body: StreamedBody, provider: String, skipping: Set<String> = [],
        item: @escaping (Five9XMLNode) -> Item
    ) throws -> [Item] {
        let status = head.status.code
        if status == 401 || status == 403 {
            throw ProviderError(
                .unauthorized, provider: provider,
                "\(operation) was refused with HTTP \(status): check the admin username and password, and that the "
                    + "user has the VCC Administrator role with 'User Can Execute Web API requests'",
                status: status)
        }
        // A failed call's answer (a fault, a gateway's page) is small: held whole (up to 1 MB), its size can be told.
        let failed = (200..<300).contains(status) ? nil : try body.collected(limit: 1 << 20)
        let answer: Five9XMLReader.Body<Item>
        do {
            answer = try Five9XMLReader.read(failed.map(StreamedBody.init) ?? body, skipping: skipping, item: item)
        } catch let malformed as Five9XMLReader.Malformed {
            if let failed {
                throw ProviderError(
                    status == 429 ? .rateLimited : status >= 500 ? .transient : .permanent, provider: provider,
                    "\(operation) answered HTTP \(status) without a SOAP envelope (\(failed.count) bytes)",
                    status: status)
            }
            throw ProviderError(
                .malformed, provider: provider, "\(operation) answered \(status) with \(malformed)", status: status)
        }
        switch answer {
        case .fault(let node):
            throw Five9Fault(node)
        case .response(let wrapper, let items):
            guard wrapper == operation + "Response" else {
                throw ProviderError(
                    .malformed, provider: provider,
                    "\(operation) answered with <\(wrapper)>, not <\(operation)Response>",
                    status: status)
            }
            return items
        }
    }
}
