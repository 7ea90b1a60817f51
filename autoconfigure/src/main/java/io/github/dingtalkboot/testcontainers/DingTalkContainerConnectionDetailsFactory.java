/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.dingtalkboot.testcontainers;

import io.github.dingtalkboot.autoconfigure.DingTalkConnectionDetails;
import org.testcontainers.containers.Container;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * {@link DingTalkConnectionDetails} for a container annotated
 * {@code @ServiceConnection(name = "dingtalk")}: a DingTalk double (e.g. WireMock loaded
 * with DingTalk's stubs) reached over HTTP on its first exposed port. Matches the
 * connection name only, never an image name, so it claims no container that is not meant
 * to stand in for DingTalk.
 *
 * @author dingtalk-spring-boot maintainers
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
