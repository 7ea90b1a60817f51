package io.github.dingtalkboot.testcontainers;

import org.testcontainers.containers.Container;

import io.github.dingtalkboot.autoconfigure.DingTalkConnectionDetails;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * {@link DingTalkConnectionDetails} for a container annotated
 * {@code @ServiceConnection(name = "dingtalk")}: a DingTalk double (e.g. WireMock loaded
 * with DingTalk's stubs) reached over HTTP on its first exposed port. Matches the
 * connection name only, never an image name, so it claims no container that is not meant
 * to stand in for DingTalk.
 */
class DingTalkContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<Container<?>, DingTalkConnectionDetails> {

	static final String CONNECTION_NAME = "dingtalk";

	DingTalkContainerConnectionDetailsFactory() {
		super(CONNECTION_NAME, "org.springframework.boot.testcontainers.service.connection.ServiceConnection");
	}

	@Override
	protected DingTalkConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
		return new ContainerDingTalkConnectionDetails(source);
	}

	/**
	 * The base URL of the container's first exposed port.
	 */
	static final class ContainerDingTalkConnectionDetails extends ContainerConnectionDetails<Container<?>>
			implements DingTalkConnectionDetails {

		ContainerDingTalkConnectionDetails(ContainerConnectionSource<Container<?>> source) {
			super(source);
		}

		@Override
		public String getBaseUrl() {
			Container<?> container = getContainer();
			if (container.getExposedPorts().isEmpty()) {
				throw new IllegalStateException(
						"The @ServiceConnection(name = \"dingtalk\") container exposes no port: "
								+ "call withExposedPorts(8080) on it");
			}
			return "http://" + container.getHost() + ":" + container.getMappedPort(container.getExposedPorts().get(0));
		}

	}

}
